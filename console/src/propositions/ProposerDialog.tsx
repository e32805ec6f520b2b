import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate, type Identifier } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { ResultatPropositions } from '@console/data/offres';

export interface ProposerDialogProps {
  open: boolean;
  offre: { id: Identifier; reference: string };
  demandeurIds: Identifier[];
  /** Names to show in the refusal list (the server answers ids). */
  noms?: Map<Identifier, string>;
  onClose: () => void;
  onSent: (r: ResultatPropositions) => void;
}

/**
 * §11.17, §11.25: sends one offer to the selected demandeurs (POST /api/propositions) with an
 * optional message; the server checks each one again and answers who got it and who was refused.
 */
export function ProposerDialog({ open, offre, demandeurIds, noms, onClose, onSent }: ProposerDialogProps) {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [resultat, setResultat] = useState<ResultatPropositions | null>(null);
  useEffect(() => {
    if (open) {
      setResultat(null);
      setErreur(null);
    }
  }, [open]);

  const envoyer = async () => {
    setPending(true);
    setErreur(null);
    try {
      const { data } = await dataProvider.envoyerPropositions({ offreId: offre.id, demandeurIds, ...(message.trim() ? { message: message.trim() } : {}) });
      notify('app.propositions.resultat', {
        type: data.envoyees.length ? 'success' : 'warning', messageArgs: {
          envoyees: translate('app.propositions.envoyees', { smart_count: data.envoyees.length }),
          refusees: translate('app.propositions.nbRefusees', { smart_count: data.refusees.length }),
        },
      });
      setResultat(data);
      setMessage('');
      onSent(data);
      if (data.refusees.length === 0) onClose();
    } catch (e) {
      setErreur(e instanceof Error ? e.message : translate('app.erreurs.serveur'));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="proposer-titre">
      <DialogTitle id="proposer-titre">{translate('app.propositions.titre', { offre: offre.reference })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{translate('app.propositions.destinataires', { smart_count: demandeurIds.length })}</DialogContentText>
        <DialogContentText variant="body2" sx={{ mb: 2 }}>
          {translate('app.propositions.aide')}
        </DialogContentText>
        {erreur && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {erreur}
          </Alert>
        )}
        {resultat && resultat.refusees.length > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.propositions.refusees')}
            <List dense disablePadding>
              {resultat.refusees.map((r) => (
                <ListItem key={String(r.demandeurId)} disableGutters>
                  <ListItemText primary={noms?.get(r.demandeurId) ?? `n° ${r.demandeurId}`} secondary={`${r.code} — ${r.raison}`} />
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
        {!resultat && (
          <TextField
            name="message" label={translate('app.propositions.message')} value={message} onChange={(e) => setMessage(e.target.value)}
            fullWidth multiline minRows={3} slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('app.publication.fermer')}
        </Button>
        {!resultat && (
          <Button onClick={envoyer} disabled={pending || demandeurIds.length === 0} variant="contained">
            {translate('app.propositions.envoyer')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
