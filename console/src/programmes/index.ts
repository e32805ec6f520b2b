import Icon from '@mui/icons-material/LocationCity';
import type { Programme } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const programmes = {
  list: paresseux(() => import('./ProgrammeList').then((m) => m.ProgrammeList)),
  show: paresseux(() => import('./ProgrammeShow').then((m) => m.ProgrammeShow)),
  create: paresseux(() => import('./ProgrammeForms').then((m) => m.ProgrammeCreate)),
  edit: paresseux(() => import('./ProgrammeForms').then((m) => m.ProgrammeEdit)),
  icon: Icon,
  recordRepresentation: (record: Programme) => record.nom,
};
