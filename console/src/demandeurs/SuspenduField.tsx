import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDay } from '@console/common/format';
import type { Demandeur } from '@console/data/records';

/** « Suspendu jusqu'au 12/09/2026 » while a suspension runs; nothing otherwise (R-FRAUD-VIS: no motive). */
export function SuspenduField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<Demandeur>();
  const translate = useTranslate();
  if (!record?.suspenduJusquAu) return null;
  return <Chip size="small" color="error" label={translate('app.demandeurs.suspendu', { date: formatDay(record.suspenduJusquAu) })} />;
}
