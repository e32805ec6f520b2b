import Icon from '@mui/icons-material/Block';
import { nomPrenom } from '../common/links';
import type { Suspension } from '../data/records';
import { SuspensionCreate } from './SuspensionCreate';
import { SuspensionList } from './SuspensionList';
import { SuspensionShow } from './SuspensionShow';

export const suspensions = {
  list: SuspensionList,
  show: SuspensionShow,
  create: SuspensionCreate,
  icon: Icon,
  recordRepresentation: (record: Suspension) => nomPrenom(record.demandeurNom, record.demandeurPrenom),
};
