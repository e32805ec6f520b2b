import { useListContext } from 'react-admin';
import type { ActionCandidature } from '@shared/domain/enums';
import { actionsPossibles, estOuvert } from '@shared/rules/candidature';
import { useCan } from '@console/common/useAbility';
import type { CandidatureFile } from '@console/candidatures/types';
import { BulkAssignerButton } from './BulkAssignerButton';
import { BulkInstruireButton } from './BulkInstruireButton';
import { BulkNePasRetenirButton } from './BulkNePasRetenirButton';

/**
 * The bulk actions the agent's role allows on the selected candidatures (up to 500), and only those
 * at least one selected row allows (R-CAND-FSM, the shared rule): « Ne pas retenir » is not offered on
 * a selection of déposées where every row would be refused, nor « Assigner » on closed rows only. A selection reaching rows of other pages
 * (not loaded here) keeps every action of the role: the server's per-row report says what failed.
 */
export function ActionsGroupees() {
  const { selectedIds, data } = useListContext<CandidatureFile>();
  const instruire = useCan('instruire', 'candidatures');
  const nePasRetenir = useCan('ne_pas_retenir', 'candidatures');
  const assigner = useCan('prendre', 'candidatures');
  const charges = (data ?? []).filter((r) => selectedIds.includes(r.id));
  const inconnus = charges.length < selectedIds.length;
  const permise = (action: ActionCandidature) => inconnus || charges.some((r) => actionsPossibles(r.statut, 'agent').includes(action));
  // Only an open candidature is assigned (the server refuses a closed one): none in « Traitées ».
  const assignable = inconnus || charges.some((r) => estOuvert(r.statut));
  return (
    <>
      {instruire && permise('instruire') && <BulkInstruireButton />}
      {nePasRetenir && permise('ne_pas_retenir') && <BulkNePasRetenirButton />}
      {assigner && assignable && <BulkAssignerButton />}
    </>
  );
}
