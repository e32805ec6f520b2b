import Icon from '@mui/icons-material/FolderShared';
import type { Demande } from '../data/records';
import { DemandeList } from './DemandeList';
import { DemandeShow } from './DemandeShow';

export const demandes = {
  list: DemandeList,
  show: DemandeShow,
  icon: Icon,
  recordRepresentation: (record: Demande) => record.reference,
};
