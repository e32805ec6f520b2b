import SendIcon from '@mui/icons-material/ForwardToInbox';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { formatDateTime } from '@console/common/format';
import { useCan } from '@console/common/useAbility';
import type { SourceEnvoi } from '@console/data/bailleurs';
import { useAppDataProvider } from '@console/data/dataProvider';
import { useRafraichirEnvois } from './useEnvois';

const AIDE: Record<SourceEnvoi, string> = {
  candidatures: 'app.envois.envoyerCandidature',
  offres: 'app.envois.envoyerOffre',
  exports: 'app.envois.envoyerExport',
};

/**
 * « Envoyer au bailleur »: after a confirmation saying what the bailleur receives (a 14-day link,
 * no personal data in the mail), posts to the source's route; the answer names the address and
 * the end of validity. Shown only to the roles that may send (managers, conseillers in scope).
 */
export function EnvoyerBailleurButton({ source, id, variant = 'outlined' }: { source: SourceEnvoi; id: Identifier; variant?: 'outlined' | 'contained' }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const rafraichir = useRafraichirEnvois();
  const dataProvider = useAppDataProvider();
  const peut = useCan('envoyer_bailleur', 'candidatures');
  const [ouvert, setOuvert] = useState(false);
  const [enCours, setEnCours] = useState(false);
  if (!peut) return null;
  const envoyer = async () => {
    if (enCours) return;
    setEnCours(true);
    try {
      const { data } = await dataProvider.envoyerAuBailleur(source, id);
      notify('app.envois.envoye', { type: 'success', messageArgs: { destinataire: data.destinataire, smart_count: data.candidatures, date: formatDateTime(data.expireLe) } });
      setOuvert(false);
      await rafraichir();
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setEnCours(false);
    }
  };
  return (
    <>
      <Button size="small" variant={variant} startIcon={<SendIcon />} onClick={() => setOuvert(true)}>
        {translate('app.envois.envoyer')}
      </Button>
      <Dialog open={ouvert} onClose={enCours ? undefined : () => setOuvert(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('app.envois.envoyerTitre')}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2">{translate(AIDE[source])}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOuvert(false)} disabled={enCours}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={envoyer} disabled={enCours} startIcon={<SendIcon />}>
            {translate('app.envois.confirmer')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
