import Icon from '@mui/icons-material/Block';
import { nomPrenom } from '@console/common/links';
import type { Suspension } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const suspensions = {
  list: paresseux(() => import('./SuspensionList').then((m) => m.SuspensionList)),
  show: paresseux(() => import('./SuspensionShow').then((m) => m.SuspensionShow)),
  create: paresseux(() => import('./SuspensionCreate').then((m) => m.SuspensionCreate)),
  icon: Icon,
  recordRepresentation: (record: Suspension) => nomPrenom(record.demandeurNom, record.demandeurPrenom),
};
