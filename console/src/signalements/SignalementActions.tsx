import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HighlightOffIcon from '@mui/icons-material/HighlightOff';
import { useState } from 'react';
import { Button, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider, type SignalementAction } from '@console/data/dataProvider';
import type { Signalement } from '@console/data/records';
import { MotifDialog } from '@console/suspensions/MotifDialog';

export const estOuvert = (s: Pick<Signalement, 'statut'>) => s.statut === 'nouveau' || s.statut === 'en_cours';

/** Runs one signal action and says how it went (the server's French reason on refusal). */
function useActionSignalement() {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (id: Signalement['id'], action: SignalementAction, conclusion?: string) => {
    try {
      if (action === 'prendre') await dataProvider.signalementAction(id, 'prendre', {});
      else await dataProvider.signalementAction(id, action, { conclusion: conclusion ?? '' });
      notify(`app.fraude.notifications.${action === 'prendre' ? 'pris' : action === 'confirmer' ? 'confirme' : 'infirme'}`, { type: 'success' });
      refresh();
      return true;
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
      return false;
    }
  };
}

/** « Prendre »: assigns an open signal to me (shown unless it is already mine). Usable in a list row. */
export function PrendreButton() {
  const translate = useTranslate();
  const record = useRecordContext<Signalement>();
  const { identity } = useGetIdentity();
  const canUpdate = useCan('update', 'signalements');
  const agir = useActionSignalement();
  if (!record || !canUpdate || !estOuvert(record) || (identity && record.assigneeId === identity.id)) return null;
  return (
    <Button
      label="app.fraude.actions.prendre"
      title={translate('app.fraude.actions.prendreAide')}
      onClick={(e) => {
        e.stopPropagation();
        void agir(record.id, 'prendre');
      }}
    >
      <AssignmentIndIcon />
    </Button>
  );
}

/** « Confirmer » and « Infirmer », each with its conclusion (required), on an open signal. */
export function ConclureButtons() {
  const record = useRecordContext<Signalement>();
  const canUpdate = useCan('update', 'signalements');
  const agir = useActionSignalement();
  const [dialogue, setDialogue] = useState<'confirmer' | 'infirmer' | null>(null);
  if (!record || !canUpdate || !estOuvert(record)) return null;
  const conclure = async (conclusion: string) => {
    if (dialogue && (await agir(record.id, dialogue, conclusion))) setDialogue(null);
  };
  return (
    <>
      <Button label="app.fraude.actions.confirmer" onClick={() => setDialogue('confirmer')} color="error">
        <CheckCircleIcon />
      </Button>
      <Button label="app.fraude.actions.infirmer" onClick={() => setDialogue('infirmer')}>
        <HighlightOffIcon />
      </Button>
      <MotifDialog
        open={dialogue !== null}
        title={dialogue === 'infirmer' ? 'app.fraude.dialogues.infirmerTitre' : 'app.fraude.dialogues.confirmerTitre'}
        help={dialogue === 'infirmer' ? 'app.fraude.dialogues.infirmerAide' : 'app.fraude.dialogues.confirmerAide'}
        label="app.fraude.dialogues.conclusion"
        confirmLabel={dialogue === 'infirmer' ? 'app.fraude.actions.infirmer' : 'app.fraude.actions.confirmer'}
        onClose={() => setDialogue(null)}
        onConfirm={conclure}
      />
    </>
  );
}
