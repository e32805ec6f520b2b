import Icon from '@mui/icons-material/Business';
import type { Bailleur } from '../data/records';
import { BailleurCreate, BailleurEdit } from './BailleurForms';
import { BailleurList } from './BailleurList';
import { BailleurShow } from './BailleurShow';

export const bailleurs = {
  list: BailleurList,
  show: BailleurShow,
  create: BailleurCreate,
  edit: BailleurEdit,
  icon: Icon,
  recordRepresentation: (record: Bailleur) => record.nom,
};
