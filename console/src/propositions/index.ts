import Icon from '@mui/icons-material/Send';
import type { Proposition } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const propositions = {
  list: paresseux(() => import('./PropositionList').then((m) => m.PropositionList)),
  show: paresseux(() => import('./PropositionShow').then((m) => m.PropositionShow)),
  icon: Icon,
  recordRepresentation: (record: Proposition) => `n° ${record.id}`,
};
