import Icon from '@mui/icons-material/Block';
import { nomPrenom } from '../common/links';
import type { Suspension } from '../data/records';
import { SuspensionList } from './SuspensionList';
import { SuspensionShow } from './SuspensionShow';

export const suspensions = {
  list: SuspensionList,
  show: SuspensionShow,
  icon: Icon,
  recordRepresentation: (record: Suspension) => nomPrenom(record.demandeurNom, record.demandeurPrenom),
};
