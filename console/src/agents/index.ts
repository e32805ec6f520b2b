import Icon from '@mui/icons-material/Badge';
import type { Agent } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const agents = {
  list: paresseux(() => import('./AgentList').then((m) => m.AgentList)),
  show: paresseux(() => import('./AgentShow').then((m) => m.AgentShow)),
  create: paresseux(() => import('./AgentForms').then((m) => m.AgentCreate)),
  edit: paresseux(() => import('./AgentForms').then((m) => m.AgentEdit)),
  icon: Icon,
  recordRepresentation: (record: Agent) => `${record.prenom} ${record.nom}`,
};
