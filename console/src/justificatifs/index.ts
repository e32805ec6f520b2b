import Icon from '@mui/icons-material/Description';
import type { Justificatif } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const justificatifs = {
  list: paresseux(() => import('./JustificatifList').then((m) => m.JustificatifList)),
  show: paresseux(() => import('./JustificatifShow').then((m) => m.JustificatifShow)),
  icon: Icon,
  recordRepresentation: (record: Justificatif) => record.nomOriginal,
};
