import { Link as MuiLink, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, ReferenceField, useCreatePath, useFieldValue, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import type { ResourceName } from '../../../shared/domain/enums';
import { useCan } from './useAbility';

const stop = (event: React.MouseEvent) => event.stopPropagation();

/** A link to a record's show page when the agent may read that resource, plain text otherwise. */
export function RecordLink({ resource, id, children }: { resource: ResourceName; id: Identifier | null | undefined; children: ReactNode }) {
  const createPath = useCreatePath();
  const canRead = useCan('read', resource);
  if (id == null || !canRead) {
    return (
      <Typography component="span" variant="body2">
        {children}
      </Typography>
    );
  }
  return (
    <MuiLink component={Link} to={createPath({ resource, id, type: 'show' })} onClick={stop} underline="hover" variant="body2">
      {children}
    </MuiLink>
  );
}

/** « DUPONT Marie »: the usual French way of writing a person in an administrative list. */
export const nomPrenom = (nom?: string | null, prenom?: string | null): string =>
  [nom?.toUpperCase(), prenom].filter(Boolean).join(' ');

/** The demandeur of a row from its denormalised name (no extra request), linked to its file. */
export function DemandeurNomField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<{ demandeurId: Identifier; demandeurNom?: string; demandeurPrenom?: string }>();
  if (!record) return null;
  return (
    <RecordLink resource="demandeurs" id={record.demandeurId}>
      {nomPrenom(record.demandeurNom, record.demandeurPrenom) || `n° ${record.demandeurId}`}
    </RecordLink>
  );
}

/**
 * A many-to-one relation: a ReferenceField (the target's recordRepresentation, linked) when the
 * agent may read the target resource; otherwise just its number, never a failing request.
 */
export function SafeReferenceField({ source, reference, children, link = 'show' }: {
  source: string;
  reference: ResourceName;
  children?: ReactNode;
  link?: 'show' | false;
  label?: string;
  sortable?: boolean;
}) {
  const canRead = useCan('read', reference);
  const value = useFieldValue({ source });
  const translate = useTranslate();
  if (value == null) return null;
  if (!canRead) {
    return (
      <Typography component="span" variant="body2">
        {reference === 'agents' ? translate('app.auteur.nonVisible', { id: value }) : `n° ${value}`}
      </Typography>
    );
  }
  return (
    <ReferenceField source={source} reference={reference} link={link}>
      {children}
    </ReferenceField>
  );
}
