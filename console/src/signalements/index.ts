import Icon from '@mui/icons-material/ReportProblem';
import type { Signalement } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const signalements = {
  list: paresseux(() => import('./SignalementList').then((m) => m.SignalementList)),
  show: paresseux(() => import('./SignalementShow').then((m) => m.SignalementShow)),
  icon: Icon,
  recordRepresentation: (record: Signalement) => `n° ${record.id}`,
};
