import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { CANAUX_DEMANDE, type CanalDemande } from '@shared/domain/enums';
import { enumLabelKey } from '@console/common/enums';

export interface DetailsSaisis {
  motif?: string;
  canal?: CanalDemande;
}

export interface MotifDialogProps {
  open: boolean;
  title: string;
  /** A French explanation under the title. */
  help?: ReactNode;
  /** A warning from the server (problem+json `detail`), shown above the fields. */
  alert?: string | null;
  motif?: boolean;
  canal?: boolean;
  pending: boolean;
  /** Something else the confirmation waits for (a choice in the children). */
  incomplete?: boolean;
  confirmLabel?: string;
  /** Standard motifs offered above the text field: picking one fills it (still editable). */
  modeles?: readonly string[];
  /** The motif field's own label and help, and the fewest characters it needs (default: not empty). */
  motifLabel?: string;
  motifAide?: string;
  motifMin?: number;
  onConfirm: (details: DetailsSaisis) => void;
  onClose: () => void;
  children?: ReactNode;
}

/**
 * The dialog of an action that needs details: a motif, the request channel (annuler), or just a
 * confirmation. The confirm button stays disabled while a required field is empty or the request
 * is pending (a double click never sends twice).
 */
export function MotifDialog({
  open, title, help, alert, motif: avecMotif, canal: avecCanal, pending, incomplete = false, confirmLabel, modeles, motifLabel, motifAide, motifMin = 1,
  onConfirm, onClose, children,
}: MotifDialogProps) {
  const translate = useTranslate();
  const [motif, setMotif] = useState('');
  const [canal, setCanal] = useState<CanalDemande | ''>('');
  const [modele, setModele] = useState('');
  useEffect(() => {
    if (open) {
      setMotif('');
      setCanal('');
      setModele('');
    }
  }, [open]);
  const incomplet = incomplete || (avecMotif && motif.trim().length < motifMin) || (avecCanal && !canal);
  const confirmer = () => {
    if (pending || incomplet) return;
    onConfirm({ ...(avecMotif ? { motif: motif.trim() } : {}), ...(avecCanal && canal ? { canal } : {}) });
  };
  return (
    <Dialog open={open} onClose={pending ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          {help && <DialogContentText variant="body2">{help}</DialogContentText>}
          {alert && <Alert severity="warning">{alert}</Alert>}
          {children}
          {avecCanal && (
            <TextField select required label={translate('app.traitement.actions.canal')} value={canal} onChange={(e) => setCanal(e.target.value as CanalDemande)}>
              {CANAUX_DEMANDE.map((c) => (
                <MenuItem key={c} value={c}>
                  {translate(enumLabelKey('canalDemande', c))}
                </MenuItem>
              ))}
            </TextField>
          )}
          {avecMotif && modeles && modeles.length > 0 && (
            <TextField
              select
              label={translate('app.traitement.actions.modele')}
              helperText={translate('app.traitement.actions.modeleAide')}
              value={modele}
              onChange={(e) => {
                setModele(e.target.value);
                setMotif(e.target.value);
              }}
            >
              {modeles.map((m) => (
                <MenuItem key={m} value={m}>
                  {m}
                </MenuItem>
              ))}
            </TextField>
          )}
          {avecMotif && (
            <TextField
              required
              autoFocus
              multiline
              minRows={3}
              label={motifLabel ?? translate('app.traitement.actions.motif')}
              helperText={motifAide}
              value={motif}
              onChange={(e) => setMotif(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('ra.action.close')}
        </Button>
        <Button variant="contained" onClick={confirmer} disabled={pending || !!incomplet}>
          {confirmLabel ?? translate('app.traitement.actions.confirmer')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
