import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface MotifDialogProps {
  open: boolean;
  title: string;
  help: string;
  /** Label of the text field (app.fraude.dialogues.motif by default). */
  label?: string;
  confirmLabel: string;
  /** Extra content above the text (e.g. accounts to tick). */
  children?: ReactNode;
  /** Disables the confirm button (e.g. nothing ticked). */
  invalid?: boolean;
  onClose: () => void;
  /** Resolves when done; the dialog stays open (and shows nothing more) if it rejects: the caller notifies. */
  onConfirm: (motif: string) => Promise<void>;
}

/** A confirmation that needs a written reason (lever, confirmer, infirmer, désactiver…): the reason is required. */
export function MotifDialog({ open, title, help, label = 'app.fraude.dialogues.motif', confirmLabel, children, invalid, onClose, onConfirm }: MotifDialogProps) {
  const translate = useTranslate();
  const [motif, setMotif] = useState('');
  const [busy, setBusy] = useState(false);
  const fermer = () => {
    if (busy) return;
    setMotif('');
    onClose();
  };
  const confirmer = async () => {
    setBusy(true);
    try {
      await onConfirm(motif.trim());
      setMotif('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={fermer} fullWidth maxWidth="sm" aria-labelledby="motif-dialog-title">
      <DialogTitle id="motif-dialog-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(help)}</DialogContentText>
        {children}
        <TextField
          autoFocus
          required
          fullWidth
          multiline
          minRows={3}
          label={translate(label)}
          value={motif}
          onChange={(e) => setMotif(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000, name: 'motif' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={fermer} disabled={busy}>
          {translate('app.fraude.actions.annuler')}
        </Button>
        <Button variant="contained" onClick={confirmer} disabled={busy || invalid || motif.trim() === ''}>
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
