import Icon from '@mui/icons-material/History';
import type { AuditEvent } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const auditEvents = {
  list: paresseux(() => import('./AuditEventList').then((m) => m.AuditEventList)),
  show: paresseux(() => import('./AuditEventShow').then((m) => m.AuditEventShow)),
  icon: Icon,
  recordRepresentation: (record: AuditEvent) => `n° ${record.id}`,
};
