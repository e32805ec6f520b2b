import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';

/**
 * « Lancer maintenant »: queues a run of this job now (admin), after a confirmation that names
 * what the job does — its effects (mails, closures) are real and are not undone (issue #15).
 */
export function LancerButton({ nom, libelle, onLancee }: { nom: string; libelle: string; onLancee: () => void }) {
  const peut = useCan('lancer', 'jobs');
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const [ouvert, setOuvert] = useState(false);
  const [enCours, setEnCours] = useState(false);
  if (!peut) return null;
  const lancer = async () => {
    if (enCours) return;
    setEnCours(true);
    try {
      await dataProvider.lancerTache(nom);
      notify('app.taches.lancee', { type: 'success' });
      setOuvert(false);
      onLancee();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setEnCours(false);
    }
  };
  return (
    <>
      <Button label="app.taches.lancer" onClick={() => setOuvert(true)} disabled={enCours} variant="outlined" size="small">
        <PlayArrowIcon />
      </Button>
      <Dialog open={ouvert} onClose={enCours ? undefined : () => setOuvert(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.taches.confirmerTitre', { tache: libelle })}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2">{translate('app.taches.confirmerAide')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOuvert(false)} disabled={enCours}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void lancer()} disabled={enCours}>
            {translate('app.taches.lancer')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
