import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey } from '@console/common/enums';
import { formatDay } from '@console/common/format';
import type { Demande } from '@console/data/records';

type Slot = { source?: string; label?: string; className?: string };

/** « Mme DURAND Léa, née le 02/04/1991 », or nothing for a single-person request. */
export function CodemandeurField(_: Slot) {
  const record = useRecordContext<Demande>();
  const translate = useTranslate();
  const c = record?.codemandeur;
  return (
    <Typography component="span" variant="body2">
      {c ? `${translate(enumLabelKey('civilite', c.civilite))} ${c.nom.toUpperCase()} ${c.prenom}` : '—'}
      {c?.dateNaissance ? ` (${formatDay(c.dateNaissance)})` : ''}
    </Typography>
  );
}

/** The searched communes with their radius: « Lyon (69123) · 10 km ». */
export function SecteursField(_: Slot) {
  const record = useRecordContext<Demande>();
  const secteurs = record?.secteursRecherche ?? [];
  if (secteurs.length === 0) return <>—</>;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {secteurs.map((s) => (
        <Chip key={`${s.codeInsee}-${s.rayonKm}`} size="small" variant="outlined" label={`${s.commune} (${s.codeInsee}) · ${s.rayonKm} km`} />
      ))}
    </Stack>
  );
}
