import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Demande } from '@console/data/records';
import { MotifDialog } from './MotifDialog';

/** §11.13: clears the contrôle renforcé of a demande after checking it (controle_fraude, conseiller of the territory), with a motif. */
export function LeverControleRenforceButton() {
  const record = useRecordContext<Demande>();
  const canLever = useCan('lever_controle_renforce', 'demandes');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || !canLever || !record.controleRenforce) return null;
  const lever = async (motif: string) => {
    try {
      await dataProvider.leverControleRenforce(record.id, { motif });
      notify('app.fraude.notifications.controleLeve', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    }
  };
  return (
    <>
      <Button label="app.fraude.actions.leverControle" onClick={() => setOpen(true)}>
        <VerifiedUserIcon />
      </Button>
      <MotifDialog
        open={open}
        title="app.fraude.dialogues.leverControleTitre"
        help="app.fraude.dialogues.leverControleAide"
        confirmLabel="app.fraude.actions.leverControle"
        onClose={() => setOpen(false)}
        onConfirm={lever}
      />
    </>
  );
}
