import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Suspension } from '@console/data/records';
import { MotifDialog } from './MotifDialog';

/** R-SUSP: lift a suspension in force early (réclamation), with a motif; controle_fraude only. */
export function LeverButton() {
  const record = useRecordContext<Suspension>();
  const canLever = useCan('lever', 'suspensions');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || !canLever || !record.active) return null;
  const lever = async (motif: string) => {
    try {
      await dataProvider.leverSuspension(record.id, { motif });
      notify('app.fraude.notifications.leve', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    }
  };
  return (
    // A row of the register opens the record on click: the button and its dialog keep their clicks.
    <span onClick={(e) => e.stopPropagation()}>
      <Button label="app.fraude.actions.lever" onClick={() => setOpen(true)}>
        <LockOpenIcon />
      </Button>
      <MotifDialog
        open={open}
        title="app.fraude.dialogues.leverTitre"
        help="app.fraude.dialogues.leverAide"
        confirmLabel="app.fraude.actions.lever"
        onClose={() => setOpen(false)}
        onConfirm={lever}
      />
    </span>
  );
}
