import LogoutIcon from '@mui/icons-material/PhonelinkErase';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';

/**
 * « Révoquer les sessions » (admin): every open session of this agent ends at once, on every
 * device (a lost laptop, a departure). The server does it too on a password change and a
 * deactivation.
 */
export function RevoquerSessionsButton() {
  const agent = useRecordContext<{ id: number; prenom: string; nom: string }>();
  const peut = useCan('update', 'agents');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!agent || !peut) return null;
  const confirmer = async () => {
    setPending(true);
    try {
      const { data } = await dataProvider.revoquerSessions(agent.id);
      notify('app.agents.sessionsRevoquees', { type: 'success', messageArgs: { smart_count: data.revoquees } });
      setOpen(false);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label="app.agents.revoquerSessions" onClick={() => setOpen(true)}>
        <LogoutIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="app.agents.revoquerSessionsTitre"
        content="app.agents.revoquerSessionsAide"
        translateOptions={{ nom: `${agent.prenom} ${agent.nom}` }}
        confirm="app.agents.revoquerSessions"
        onConfirm={confirmer}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
