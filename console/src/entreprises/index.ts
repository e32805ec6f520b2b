import Icon from '@mui/icons-material/Factory';
import type { Entreprise } from '../data/records';
import { EntrepriseCreate, EntrepriseEdit } from './EntrepriseForms';
import { EntrepriseList } from './EntrepriseList';
import { EntrepriseShow } from './EntrepriseShow';

export const entreprises = {
  list: EntrepriseList,
  show: EntrepriseShow,
  create: EntrepriseCreate,
  edit: EntrepriseEdit,
  icon: Icon,
  recordRepresentation: (record: Entreprise) => record.raisonSociale,
};
