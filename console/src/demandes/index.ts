import Icon from '@mui/icons-material/FolderShared';
import type { Demande } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const demandes = {
  list: paresseux(() => import('./DemandeList').then((m) => m.DemandeList)),
  show: paresseux(() => import('./DemandeShow').then((m) => m.DemandeShow)),
  icon: Icon,
  recordRepresentation: (record: Demande) => record.reference,
};
