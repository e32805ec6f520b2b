import Icon from '@mui/icons-material/Mail';
import type { Notification } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const notifications = {
  list: paresseux(() => import('./NotificationList').then((m) => m.NotificationList)),
  show: paresseux(() => import('./NotificationShow').then((m) => m.NotificationShow)),
  icon: Icon,
  recordRepresentation: (record: Notification) => record.sujet,
};
