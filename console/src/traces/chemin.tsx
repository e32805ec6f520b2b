import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Menu } from 'react-admin';
import { useCan } from '@console/common/useAbility';

/** The page's path and sidebar entry, apart from the page itself (loaded when first opened). */
export const TRACES_PATH = '/traces-acces';

/** The sidebar entry of « Traces d’accès » (managers, contrôle fraude). */
export function TracesMenuItem() {
  const peut = useCan('read', 'traces');
  if (!peut) return null;
  return <Menu.Item to={TRACES_PATH} primaryText="app.donnees.traces.titre" leftIcon={<ManageSearchIcon />} />;
}
