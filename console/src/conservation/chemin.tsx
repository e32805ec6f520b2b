import PolicyIcon from '@mui/icons-material/Policy';
import { Menu } from 'react-admin';
import { useCan } from '@console/common/useAbility';

/** The page's path and sidebar entry, apart from the page itself (loaded when first opened). */
export const CONSERVATION_PATH = '/conservation';

/** The sidebar entry of « Conservation des données » (admin). */
export function ConservationMenuItem() {
  const peut = useCan('read', 'conservation');
  if (!peut) return null;
  return <Menu.Item to={CONSERVATION_PATH} primaryText="app.donnees.conservation.titre" leftIcon={<PolicyIcon />} />;
}
