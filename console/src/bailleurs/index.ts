import Icon from '@mui/icons-material/Business';
import type { Bailleur } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const bailleurs = {
  list: paresseux(() => import('./BailleurList').then((m) => m.BailleurList)),
  show: paresseux(() => import('./BailleurShow').then((m) => m.BailleurShow)),
  create: paresseux(() => import('./BailleurForms').then((m) => m.BailleurCreate)),
  edit: paresseux(() => import('./BailleurForms').then((m) => m.BailleurEdit)),
  icon: Icon,
  recordRepresentation: (record: Bailleur) => record.nom,
};
