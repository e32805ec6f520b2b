import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { MotifDialog as DialogueMotif } from '@console/candidatures/actions/MotifDialog';

export interface MotifDialogProps {
  open: boolean;
  /** Catalogue keys (translated here). */
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

/**
 * The fraud screens' confirmation that needs a written reason (lever, confirmer, infirmer,
 * désactiver…): the project's one motif dialog, driven by catalogue keys and an async confirm
 * whose pending state it keeps (a double click never sends twice).
 */
export function MotifDialog({ open, title, help, label = 'app.fraude.dialogues.motif', confirmLabel, children, invalid, onClose, onConfirm }: MotifDialogProps) {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const confirmer = async (motif: string) => {
    setBusy(true);
    try {
      await onConfirm(motif);
    } catch {
      // The caller has notified; the dialog stays open with what was typed.
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogueMotif
      open={open}
      title={translate(title)}
      help={translate(help)}
      motif
      motifLabel={translate(label)}
      pending={busy}
      incomplete={invalid}
      confirmLabel={translate(confirmLabel)}
      onConfirm={({ motif }) => void confirmer(motif ?? '')}
      onClose={onClose}
    >
      {children}
    </DialogueMotif>
  );
}
