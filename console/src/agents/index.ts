import Icon from '@mui/icons-material/Badge';
import type { Agent } from '../data/records';
import { AgentCreate, AgentEdit } from './AgentForms';
import { AgentList } from './AgentList';
import { AgentShow } from './AgentShow';

export const agents = {
  list: AgentList,
  show: AgentShow,
  create: AgentCreate,
  edit: AgentEdit,
  icon: Icon,
  recordRepresentation: (record: Agent) => `${record.prenom} ${record.nom}`,
};
