import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Alert, AlertTitle, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, Link, useNotify, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { VerificationJournal } from '@console/data/donnees';

/** « Vérifier le journal » (admin): the whole hash chain is recomputed by the server; the first event at fault is named. */
export function VerifierJournalButton() {
  const peut = useCan('verifier', 'journal');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [enCours, setEnCours] = useState(false);
  const [resultat, setResultat] = useState<VerificationJournal | null>(null);
  if (!peut) return null;
  const verifier = async () => {
    setEnCours(true);
    try {
      setResultat((await dataProvider.verifierJournal()).data);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setEnCours(false);
    }
  };
  const r = resultat;
  return (
    <>
      <Button label="app.donnees.journal.verifier" onClick={verifier} disabled={enCours}>
        <VerifiedIcon />
      </Button>
      <Dialog open={r !== null} onClose={() => setResultat(null)} aria-labelledby="verification-journal-titre">
        <DialogTitle id="verification-journal-titre">{translate('app.donnees.journal.titre')}</DialogTitle>
        <DialogContent>
          {r?.valide && (
            <Alert severity="success">
              {translate('app.donnees.journal.valide', { n: r.evenementsVerifies, jours: r.joursScelles })}
              {r.nonChaines > 0 && <div>{translate('app.donnees.journal.enAttente', { n: r.nonChaines })}</div>}
            </Alert>
          )}
          {r && !r.valide && r.rupture && (
            <Alert severity="error">
              <AlertTitle>{translate('app.donnees.journal.rompu')}</AlertTitle>
              {r.rupture.message}
              {r.rupture.evenementId !== null && (
                <div>
                  {translate('app.donnees.journal.premier', { id: r.rupture.evenementId })} —{' '}
                  <Link to={`/audit-events/${r.rupture.evenementId}/show`}>{translate('app.donnees.journal.voir')}</Link>
                </div>
              )}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="app.donnees.journal.fermer" onClick={() => setResultat(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
}
