import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import { useRafraichirEnvois } from './useEnvois';

/** « Révoquer le lien » of an envoi (wrong address, data sent by mistake): the bailleur's page answers 410 at once. */
export function RevoquerLienButton({ envoiId }: { envoiId: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const rafraichir = useRafraichirEnvois();
  const dataProvider = useAppDataProvider();
  const peut = useCan('envoyer_bailleur', 'candidatures');
  const [ouvert, setOuvert] = useState(false);
  const [motif, setMotif] = useState('');
  const [enCours, setEnCours] = useState(false);
  if (!peut) return null;
  const revoquer = async () => {
    setEnCours(true);
    try {
      await dataProvider.revoquerEnvoi(envoiId, motif.trim());
      notify('app.envois.revoque', { type: 'success' });
      setOuvert(false);
      await rafraichir();
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setEnCours(false);
    }
  };
  return (
    <>
      <Button size="small" color="warning" onClick={() => setOuvert(true)}>
        {translate('app.envois.revoquer')}
      </Button>
      <Dialog open={ouvert} onClose={enCours ? undefined : () => setOuvert(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.envois.revoquerTitre')}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            {translate('app.envois.revoquerTexte')}
          </DialogContentText>
          <TextField fullWidth label={translate('app.envois.revoquerMotif')} value={motif} onChange={(e) => setMotif(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOuvert(false)} disabled={enCours}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color="warning" onClick={revoquer} disabled={enCours}>
            {translate('app.envois.revoquer')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
