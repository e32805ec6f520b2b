import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { ChampDateFr } from '@console/common/DateFrInput';
import { useAppDataProvider } from '@console/data/dataProvider';
import { useCompteCandidaturesCloturees } from '@console/common/comptes';
import type { OffreAction, OffreActionBodies, OffreGeree } from '@console/data/offres';
import { cleAction } from './etat';

/** Which inputs each action asks for (dates are Paris calendar days: an end date lasts the whole day). */
const CHAMPS: Record<OffreAction, ('debutPublication' | 'finPublication' | 'motif' | 'date')[]> = {
  prolonger: ['finPublication'],
  raccourcir: ['finPublication'],
  renouveler: ['debutPublication', 'finPublication'],
  publier: [],
  depublier: ['motif'],
  'reprise-bailleur': ['motif'],
  'attribution-directe': ['date', 'motif'],
};
const DANGER: OffreAction[] = ['reprise-bailleur', 'attribution-directe'];

/** `YYYY-MM-DD` of today in Paris (the default of date inputs). */
const aujourdhui = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

export function FenetreDialog({ action, offre, onClose }: { action: OffreAction | null; offre: OffreGeree; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const compter = useCompteCandidaturesCloturees();
  const refresh = useRefresh();
  const [valeurs, setValeurs] = useState<Record<string, string>>({});
  const [erreur, setErreur] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    setValeurs(action === 'attribution-directe' || action === 'renouveler' ? { date: aujourdhui(), debutPublication: aujourdhui() } : {});
    setErreur(null);
  }, [action]);
  if (!action) return null;
  const champs = CHAMPS[action];
  const cle = cleAction(action, offre);
  const libelleChamp = (c: string) => translate(`app.publication.champs.${c === 'finPublication' && cle === 'premierePublication' ? 'finPremiere' : c}`);
  const incomplet = champs.some((c) => !valeurs[c]?.trim());

  const confirmer = async () => {
    setPending(true);
    setErreur(null);
    try {
      const body = Object.fromEntries(champs.map((c) => [c, valeurs[c].trim()])) as unknown as OffreActionBodies[typeof action];
      const { data } = await dataProvider.offreAction(offre.id, action, body);
      notify(data.candidaturesCloturees ? 'app.publication.retiree' : 'app.publication.fait', {
        type: 'success', messageArgs: { candidatures: compter(data.candidaturesCloturees?.length ?? 0) },
      });
      refresh();
      onClose();
    } catch (e) {
      setErreur(e instanceof Error ? e.message : translate('app.erreurs.serveur'));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="fenetre-dialog-titre">
      <DialogTitle id="fenetre-dialog-titre">
        {translate(`app.publication.actions.${cle}`)} — {offre.reference}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(`app.publication.aides.${cle}`)}</DialogContentText>
        {erreur && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {erreur}
          </Alert>
        )}
        <Stack spacing={2}>
          {champs.map((c) =>
            c === 'motif' ? (
              <TextField
                key={c} name={c} label={translate(`app.publication.champs.${c}`)} value={valeurs[c] ?? ''} required multiline minRows={2}
                onChange={(e) => setValeurs({ ...valeurs, [c]: e.target.value })} slotProps={{ htmlInput: { maxLength: 500 } }}
              />
            ) : (
              <ChampDateFr
                key={c} name={c} label={libelleChamp(c)} value={valeurs[c] ?? ''} required
                onChange={(iso) => setValeurs((v) => ({ ...v, [c]: iso }))}
              />
            ),
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('app.publication.fermer')}
        </Button>
        <Button onClick={confirmer} disabled={pending || incomplet} variant="contained" color={DANGER.includes(action) ? 'error' : 'primary'}>
          {translate('app.publication.confirmer')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
