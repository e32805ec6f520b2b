import { subject } from '@casl/ability';
import { Stack } from '@mui/material';
import { useEffect, useRef, type ComponentType, type FocusEvent } from 'react';
import { useTranslate } from 'react-admin';
import { useRaccourcis } from '@console/common/raccourcis';
import { useAbility } from '@console/common/useAbility';
import type { Dossier } from '@console/data/instruction';
import type { CandidatureFile } from '@console/candidatures/types';
import { AnnulerButton } from './AnnulerButton';
import { AttribuerButton } from './AttribuerButton';
import { DesignerButton } from './DesignerButton';
import { InstruireButton } from './InstruireButton';
import { NePasRetenirButton } from './NePasRetenirButton';
import type { ActionAgent } from './useCandidatureAction';

type BoutonProps = { record: CandidatureFile; bloque?: boolean; dossier?: Dossier };

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
  const translate = useTranslate();
  const groupe = useClavierActions();
  if (!dossier || !ability) return null;
  const cible = subject('candidatures', { ...record } as Record<string, unknown>);
  const visibles = BOUTONS.filter(([action]) => dossier.actionsPossibles.includes(action) && ability.can(action, cible));
  if (visibles.length === 0) return null;
  const bloque = !!dossier.verrou?.actif && !dossier.verrou.estMoi;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} role="group" aria-label={translate('app.raccourcis.dossier.actions')} {...groupe}>
      {visibles.map(([action, Bouton]) => (
        <Bouton key={action} record={record} bloque={bloque} dossier={dossier} />
      ))}
    </Stack>
  );
}

const boutons = (groupe: HTMLElement | null) => Array.from(groupe?.querySelectorAll<HTMLButtonElement>('button') ?? []);
const dansUnDialogue = (el: Element | null) => !!el?.closest('[role="dialog"], .MuiModal-root');

/**
 * The keyboard in the actions: « A » puts the focus on the first one; once an action is done its
 * button goes (« Instruire » makes way for « Désigner au bailleur »), and the focus, instead of
 * falling to the page, goes to the button now at its place — also after the action's dialog.
 */
function useClavierActions() {
  const ref = useRef<HTMLDivElement>(null);
  const suivi = useRef<{ dedans: boolean; rang: number }>({ dedans: false, rang: 0 });
  useRaccourcis({ a: () => boutons(ref.current).find((b) => !b.disabled)?.focus() });
  useEffect(() => {
    const actif = document.activeElement;
    if (!suivi.current.dedans || (actif && actif !== document.body && actif.isConnected)) return;
    const liste = boutons(ref.current);
    const cible = liste[Math.min(suivi.current.rang, liste.length - 1)];
    if (cible && !cible.disabled) cible.focus();
  });
  return {
    ref,
    onFocus: (e: FocusEvent<HTMLDivElement>) => {
      suivi.current = { dedans: true, rang: Math.max(0, boutons(ref.current).findIndex((b) => b === (e.target as EventTarget))) };
    },
    onBlur: (e: FocusEvent<HTMLDivElement>) => {
      const vers = e.relatedTarget as Element | null;
      // Focus leaving for the page (not for the action's dialog, nor lost with the button) ends the follow-up.
      if (vers && !e.currentTarget.contains(vers) && !dansUnDialogue(vers)) suivi.current.dedans = false;
    },
  };
}
