import AssignIcon from '@mui/icons-material/PersonAddAlt';
import { MenuItem, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, useGetIdentity, useListContext, useTranslate, type Identifier } from 'react-admin';
import { MotifDialog } from '../actions/MotifDialog';
import type { CandidatureFile } from '../types';
import { RapportGroupeDialog } from './RapportGroupeDialog';
import { useActionGroupee } from './useActionGroupee';

/**
 * The agents one may assign to: oneself, and the colleagues already holding dossiers in the list
 * (advisors may not read the agents' directory).
 */
function useAgentsAssignables() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const { data } = useListContext<CandidatureFile>();
  return useMemo(() => {
    const agents = new Map<Identifier, string>();
    if (identity) agents.set(identity.id, translate('app.traitement.groupe.moi', { nom: identity.fullName }));
    for (const row of data ?? []) {
      if (row.agentEnChargeId != null && row.agentEnChargeNom && !agents.has(row.agentEnChargeId)) agents.set(row.agentEnChargeId, row.agentEnChargeNom);
    }
    return [...agents].map(([id, nom]) => ({ id, nom }));
  }, [identity, data, translate]);
}

/** « Assigner » the selected rows to an agent; then the per-row report. */
export function BulkAssignerButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [agentId, setAgentId] = useState<Identifier | ''>('');
  const agents = useAgentsAssignables();
  const { selectedIds, lancer, pending, rapport, fermerRapport, tropNombreux } = useActionGroupee();
  const libelle = translate('app.traitement.groupe.assigner');
  const ouvrir = () => {
    setAgentId(agents[0]?.id ?? '');
    setOpen(true);
  };
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
        <TextField select required label={translate('app.traitement.groupe.agent')} value={agentId} onChange={(e) => setAgentId(Number(e.target.value))}>
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
