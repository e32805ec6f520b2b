import Icon from '@mui/icons-material/People';
import { nomPrenom } from '@console/common/links';
import type { Demandeur } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const demandeurs = {
  list: paresseux(() => import('./DemandeurList').then((m) => m.DemandeurList)),
  show: paresseux(() => import('./DemandeurShow').then((m) => m.DemandeurShow)),
  icon: Icon,
  recordRepresentation: (record: Demandeur) => nomPrenom(record.nom, record.prenom),
};
