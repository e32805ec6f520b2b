import Icon from '@mui/icons-material/Apartment';
import type { Offre } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const offres = {
  list: paresseux(() => import('./OffreList').then((m) => m.OffreList)),
  show: paresseux(() => import('./OffreShow').then((m) => m.OffreShow)),
  create: paresseux(() => import('./OffreCreate').then((m) => m.OffreCreate)),
  edit: paresseux(() => import('./OffreEdit').then((m) => m.OffreEdit)),
  icon: Icon,
  recordRepresentation: (record: Offre) => record.reference,
};
