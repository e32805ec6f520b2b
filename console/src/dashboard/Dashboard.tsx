import { useCan } from '@console/common/useAbility';
import { StatistiquesDashboard } from './StatistiquesDashboard';
import { Welcome } from './Welcome';

/** `<Admin dashboard>`: the managers' statistics (R-STATS), a welcome with the work queue for everyone else. */
export function Dashboard() {
  const manager = useCan('read', 'statistiques');
  return manager ? <StatistiquesDashboard /> : <Welcome />;
}
