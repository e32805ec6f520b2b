import Icon from '@mui/icons-material/Factory';
import type { Entreprise } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const entreprises = {
  list: paresseux(() => import('./EntrepriseList').then((m) => m.EntrepriseList)),
  show: paresseux(() => import('./EntrepriseShow').then((m) => m.EntrepriseShow)),
  create: paresseux(() => import('./EntrepriseForms').then((m) => m.EntrepriseCreate)),
  edit: paresseux(() => import('./EntrepriseForms').then((m) => m.EntrepriseEdit)),
  icon: Icon,
  recordRepresentation: (record: Entreprise) => record.raisonSociale,
};
