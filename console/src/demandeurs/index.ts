import Icon from '@mui/icons-material/People';
import { nomPrenom } from '../common/links';
import type { Demandeur } from '../data/records';
import { DemandeurList } from './DemandeurList';
import { DemandeurShow } from './DemandeurShow';

export const demandeurs = {
  list: DemandeurList,
  show: DemandeurShow,
  icon: Icon,
  recordRepresentation: (record: Demandeur) => nomPrenom(record.nom, record.prenom),
};
