import Icon from '@mui/icons-material/AssignmentInd';
import type { Candidature } from '../data/records';
import { CandidatureList } from './CandidatureList';
import { CandidatureShow } from './CandidatureShow';

export const candidatures = {
  list: CandidatureList,
  show: CandidatureShow,
  icon: Icon,
  recordRepresentation: (record: Candidature) => record.reference,
};
