import BlockIcon from '@mui/icons-material/Block';
import GppBadIcon from '@mui/icons-material/GppBad';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Link, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import { MotifDialog } from '@console/suspensions/MotifDialog';

/** « Suspendre un compte »: the suspension form, this account already chosen. */
export function SuspendreLien({ demandeurId }: { demandeurId: number }) {
  const translate = useTranslate();
  const canSuspend = useCan('create', 'suspensions');
  if (!canSuspend) return null;
  return (
    <Button
      size="small"
      color="error"
      startIcon={<BlockIcon />}
      component={Link}
      to={{ pathname: '/suspensions/create', search: `?source=${encodeURIComponent(JSON.stringify({ demandeurId }))}` }}
    >
      {translate('app.fraude.actions.suspendre')}
    </Button>
  );
}

/** « Marquer la pièce falsifiée » (controle_fraude), with its motive: the piece stops counting and the ranking is recomputed. */
export function MarquerFalsifieButton({ justificatifId, statut }: { justificatifId: number; statut: string }) {
  const translate = useTranslate();
  const canMark = useCan('marquer_falsifie', 'justificatifs');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!canMark || statut === 'falsifie') return null;
  const marquer = async (motif: string) => {
    try {
      await dataProvider.justificatifAction(justificatifId, 'marquer-falsifie', { motif });
      notify('app.fraude.notifications.falsifie', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    }
  };
  return (
    <>
      <Button size="small" color="error" startIcon={<GppBadIcon />} onClick={() => setOpen(true)}>
        {translate('app.fraude.actions.marquerFalsifie')}
      </Button>
      <MotifDialog
        open={open}
        title="app.fraude.dialogues.falsifieTitre"
        help="app.fraude.dialogues.falsifieAide"
        confirmLabel="app.fraude.actions.marquerFalsifie"
        onClose={() => setOpen(false)}
        onConfirm={marquer}
      />
    </>
  );
}
