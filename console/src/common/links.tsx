import { Link as MuiLink, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, ReferenceField, useCreatePath, useFieldValue, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import type { ResourceName } from '@shared/domain/enums';
import { useCan } from './useAbility';
import { getJson } from '@console/data/httpClient';

/** An agent's name, from GET /api/agents/noms (readable by every agent, unlike the agents' records): « Marie Durand », never « Agent n° 5 ». */
export function useNomAgent(id: Identifier | null | undefined): string | undefined {
  const { data } = useQuery({
    queryKey: ['agents', 'noms', String(id)],
    queryFn: () => getJson<{ id: number; nom: string }[]>(`/agents/noms?ids=${encodeURIComponent(String(id))}`),
    enabled: id != null && /^\d+$/.test(String(id)),
    staleTime: 10 * 60_000,
  });
  return data?.[0]?.nom;
}

/** An agent named in a screen the agent may not open agents' records from. */
export function NomAgent({ id }: { id: Identifier }) {
  const translate = useTranslate();
  const nom = useNomAgent(id);
  return (
    <Typography component="span" variant="body2">
      {nom ?? translate('app.auteur.chargement')}
    </Typography>
  );
}

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
  if (value == null) return null;
  if (!canRead && reference === 'agents') return <NomAgent id={value as Identifier} />;
  if (!canRead) {
    return (
      <Typography component="span" variant="body2">
        {`n° ${value}`}
      </Typography>
    );
  }
  return (
    <ReferenceField source={source} reference={reference} link={link}>
      {children}
    </ReferenceField>
  );
}
