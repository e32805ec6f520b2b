import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { useState } from 'react';
import { Button, useNotify, useRefresh } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';

/** Runs the duplicate and metadata analysis now (the same job runs on a schedule); says how many new signals. */
export function AnalyserButton() {
  const canUpdate = useCan('update', 'signalements');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!canUpdate) return null;
  const analyser = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.analyserSignalements();
      notify('app.fraude.notifications.analyse', { type: 'info', messageArgs: { smart_count: data.total } });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="app.fraude.actions.analyser" onClick={analyser} disabled={busy}>
      <ManageSearchIcon />
    </Button>
  );
}
