import Icon from '@mui/icons-material/History';
import type { AuditEvent } from '../data/records';
import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export const auditEvents = {
  list: AuditEventList,
  show: AuditEventShow,
  icon: Icon,
  recordRepresentation: (record: AuditEvent) => `n° ${record.id}`,
};
