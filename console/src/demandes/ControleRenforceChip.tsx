import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Demande } from '@console/data/records';

/** Flags an advisor must not miss: enhanced checks after a suspension, re-allocation to review. */
export function ControleRenforceChip(_props: { source?: string; label?: string }) {
  const record = useRecordContext<Demande>();
  const translate = useTranslate();
  if (!record || (!record.controleRenforce && !record.signaleReattribution)) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {record.controleRenforce && <Chip size="small" color="warning" label={translate('resources.demandes.fields.controleRenforce')} />}
      {record.signaleReattribution && <Chip size="small" color="info" label={translate('resources.demandes.fields.signaleReattribution')} />}
    </Stack>
  );
}
