import Icon from '@mui/icons-material/Mail';
import type { Notification } from '../data/records';
import { NotificationList } from './NotificationList';
import { NotificationShow } from './NotificationShow';

export const notifications = {
  list: NotificationList,
  show: NotificationShow,
  icon: Icon,
  recordRepresentation: (record: Notification) => record.sujet,
};
