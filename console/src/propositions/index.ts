import Icon from '@mui/icons-material/Send';
import type { Proposition } from '../data/records';
import { PropositionList } from './PropositionList';
import { PropositionShow } from './PropositionShow';

export const propositions = {
  list: PropositionList,
  show: PropositionShow,
  icon: Icon,
  recordRepresentation: (record: Proposition) => `n° ${record.id}`,
};
