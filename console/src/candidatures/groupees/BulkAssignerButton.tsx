import AssignIcon from '@mui/icons-material/PersonAddAlt';
import { MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Button, useGetIdentity, useTranslate, type Identifier } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { RapportGroupeDialog } from './RapportGroupeDialog';
import { useActionGroupee } from './useActionGroupee';

/**
 * The agents one may assign the selection to, from the server: active agents whose territories
 * include the département of every selected candidature (the rule the server applies again);
 * oneself first when eligible.
 */
function useAgentsAssignables(ids: Identifier[], actif: boolean) {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const { data, isPending } = useQuery({
    queryKey: ['agentsAssignables', [...ids].map(String).sort().join(',')],
    queryFn: () => dataProvider.agentsAssignables(ids).then((r) => r.data),
    enabled: actif && ids.length > 0,
  });
  const agents = useMemo(() => {
    const liste = (data ?? []).map((a) => (identity && a.id === identity.id ? { ...a, nom: translate('app.traitement.groupe.moi', { nom: identity.fullName }) } : a));
    return liste.sort((a, b) => Number(identity && b.id === identity.id) - Number(identity && a.id === identity.id));
  }, [data, identity, translate]);
  return { agents, isPending: actif && isPending };
}

/** « Assigner » the selected rows to an agent; then the per-row report. */
export function BulkAssignerButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [agentId, setAgentId] = useState<Identifier | ''>('');
  const { selectedIds, lancer, pending, rapport, fermerRapport, tropNombreux } = useActionGroupee();
  const { agents, isPending: chargement } = useAgentsAssignables(selectedIds, open);
  const libelle = translate('app.traitement.groupe.assigner');
  const ouvrir = () => {
    setAgentId('');
    setOpen(true);
  };
  // The first eligible agent (oneself when eligible) once the list arrives.
  useEffect(() => {
    if (open && agentId === '' && agents[0]) setAgentId(agents[0].id);
  }, [open, agentId, agents]);
  return (
    <>
      <Button label={libelle} onClick={ouvrir} disabled={pending || tropNombreux}>
        <AssignIcon />
      </Button>
      <MotifDialog
        open={open}
        title={translate('app.traitement.groupe.assignerTitre', { smart_count: selectedIds.length })}
        help={translate('app.traitement.groupe.assignerAide')}
        pending={pending}
        incomplete={agentId === ''}
        confirmLabel={libelle}
        onConfirm={() => agentId !== '' && lancer({ action: 'assigner', ids: selectedIds, agentId }, libelle, () => setOpen(false))}
        onClose={() => setOpen(false)}
      >
        <TextField
          select
          required
          label={translate('app.traitement.groupe.agent')}
          value={agentId}
          onChange={(e) => setAgentId(Number(e.target.value))}
          helperText={chargement ? translate('ra.page.loading') : agents.length === 0 ? translate('app.traitement.groupe.aucunAgent') : translate('app.traitement.groupe.agentsTerritoire')}
        >
          {agents.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.nom}
            </MenuItem>
          ))}
        </TextField>
      </MotifDialog>
      <RapportGroupeDialog rapport={rapport} onClose={fermerRapport} />
    </>
  );
}
