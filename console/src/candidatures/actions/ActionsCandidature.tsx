import { subject } from '@casl/ability';
import { Stack } from '@mui/material';
import type { ComponentType } from 'react';
import { useAbility } from '../../common/useAbility';
import type { Dossier } from '../../data/instruction';
import type { CandidatureFile } from '../types';
import { AnnulerButton } from './AnnulerButton';
import { AttribuerButton } from './AttribuerButton';
import { DesignerButton } from './DesignerButton';
import { InstruireButton } from './InstruireButton';
import { NePasRetenirButton } from './NePasRetenirButton';
import type { ActionAgent } from './useCandidatureAction';

type BoutonProps = { record: CandidatureFile; bloque?: boolean };

/** One button per action, in the order of the lifecycle; the closing ones last. */
const BOUTONS: [ActionAgent, ComponentType<BoutonProps>][] = [
  ['instruire', InstruireButton],
  ['designer', DesignerButton],
  ['attribuer', AttribuerButton],
  ['ne_pas_retenir', NePasRetenirButton],
  ['annuler', AnnulerButton],
];

/**
 * The actions the agent may take now: those the lifecycle allows from this status (the API's
 * `actionsPossibles`, from shared/rules) that the agent's ability allows on this record.
 */
export function ActionsCandidature({ record, dossier }: { record: CandidatureFile; dossier: Dossier | undefined }) {
  const ability = useAbility();
  if (!dossier || !ability) return null;
  const cible = subject('candidatures', { ...record } as Record<string, unknown>);
  const visibles = BOUTONS.filter(([action]) => dossier.actionsPossibles.includes(action) && ability.can(action, cible));
  if (visibles.length === 0) return null;
  const bloque = !!dossier.verrou?.actif && !dossier.verrou.estMoi;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} role="group">
      {visibles.map(([action, Bouton]) => (
        <Bouton key={action} record={record} bloque={bloque} />
      ))}
    </Stack>
  );
}
