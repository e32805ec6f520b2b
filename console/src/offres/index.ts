import Icon from '@mui/icons-material/Apartment';
import type { Offre } from '../data/records';
import { OffreCreate } from './OffreCreate';
import { OffreEdit } from './OffreEdit';
import { OffreList } from './OffreList';
import { OffreShow } from './OffreShow';

export const offres = {
  list: OffreList,
  show: OffreShow,
  create: OffreCreate,
  edit: OffreEdit,
  icon: Icon,
  recordRepresentation: (record: Offre) => record.reference,
};
