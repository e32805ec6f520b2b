import { useCan } from '../../common/useAbility';
import { BulkAssignerButton } from './BulkAssignerButton';
import { BulkInstruireButton } from './BulkInstruireButton';
import { BulkNePasRetenirButton } from './BulkNePasRetenirButton';

/** The bulk actions the agent's role allows on the selected candidatures (up to 500). */
export function ActionsGroupees() {
  const instruire = useCan('instruire', 'candidatures');
  const nePasRetenir = useCan('ne_pas_retenir', 'candidatures');
  const assigner = useCan('prendre', 'candidatures');
  return (
    <>
      {instruire && <BulkInstruireButton />}
      {nePasRetenir && <BulkNePasRetenirButton />}
      {assigner && <BulkAssignerButton />}
    </>
  );
}
