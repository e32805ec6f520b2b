import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, useNotify } from 'react-admin';
import { useCan } from '../common/useAbility';
import { useAppDataProvider } from '../data/dataProvider';

/** « Lancer maintenant »: queues a run of this job now (admin). */
export function LancerButton({ nom, onLancee }: { nom: string; onLancee: () => void }) {
  const peut = useCan('lancer', 'jobs');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const [enCours, setEnCours] = useState(false);
  if (!peut) return null;
  const lancer = async () => {
    setEnCours(true);
    try {
      await dataProvider.lancerTache(nom);
      notify('app.taches.lancee', { type: 'success' });
      onLancee();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setEnCours(false);
    }
  };
  return (
    <Button label="app.taches.lancer" onClick={lancer} disabled={enCours} variant="outlined" size="small">
      <PlayArrowIcon />
    </Button>
  );
}
