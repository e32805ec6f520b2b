import SendIcon from '@mui/icons-material/Send';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Notification } from '@console/data/records';

/** « Renvoyer »: a failed notification goes back to the sending queue (admin). */
export function RenvoyerButton() {
  const record = useRecordContext<Notification>();
  const peut = useCan('renvoyer', 'notifications');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [enCours, setEnCours] = useState(false);
  if (!record || !peut || record.statut !== 'echec') return null;
  const renvoyer = async () => {
    setEnCours(true);
    try {
      await dataProvider.renvoyerNotification(record.id);
      notify('app.boiteEnvoi.renvoyee', { type: 'success' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setEnCours(false);
    }
  };
  return (
    // In a list row (which opens the record on click) the button keeps its click.
    <span onClick={(e) => e.stopPropagation()}>
      <Button label="app.boiteEnvoi.renvoyer" onClick={renvoyer} disabled={enCours}>
        <SendIcon />
      </Button>
    </span>
  );
}
