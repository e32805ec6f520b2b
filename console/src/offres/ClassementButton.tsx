import RankIcon from '@mui/icons-material/FormatListNumbered';
import { Button, Link, useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';

/** Opens the candidature list filtered on this offer: its ranked queue (R-RANK-EXPLAIN). */
export function ClassementButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const canRead = useCan('read', 'candidatures');
  if (!record || !canRead) return null;
  const search = new URLSearchParams({ filter: JSON.stringify({ offreId: record.id }), sort: 'rang', order: 'ASC' });
  return (
    <Button component={Link} to={{ pathname: '/candidatures', search: `?${search}` }} label={translate('app.candidatures.voirClassement')}>
      <RankIcon />
    </Button>
  );
}
