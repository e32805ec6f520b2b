import Icon from '@mui/icons-material/LocationCity';
import type { Programme } from '../data/records';
import { ProgrammeCreate, ProgrammeEdit } from './ProgrammeForms';
import { ProgrammeList } from './ProgrammeList';
import { ProgrammeShow } from './ProgrammeShow';

export const programmes = {
  list: ProgrammeList,
  show: ProgrammeShow,
  create: ProgrammeCreate,
  edit: ProgrammeEdit,
  icon: Icon,
  recordRepresentation: (record: Programme) => record.nom,
};
