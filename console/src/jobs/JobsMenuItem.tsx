import ScheduleIcon from '@mui/icons-material/Schedule';
import { Menu } from 'react-admin';
import { useCan } from '@console/common/useAbility';

export const JOBS_PATH = '/taches';

/** The sidebar entry of « Tâches planifiées », for the roles that may read it. */
export function JobsMenuItem() {
  const peut = useCan('read', 'jobs');
  if (!peut) return null;
  return <Menu.Item to={JOBS_PATH} primaryText="app.taches.titre" leftIcon={<ScheduleIcon />} />;
}
