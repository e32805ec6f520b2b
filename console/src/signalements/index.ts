import Icon from '@mui/icons-material/ReportProblem';
import type { Signalement } from '../data/records';
import { SignalementList } from './SignalementList';
import { SignalementShow } from './SignalementShow';

export const signalements = {
  list: SignalementList,
  show: SignalementShow,
  icon: Icon,
  recordRepresentation: (record: Signalement) => `n° ${record.id}`,
};
