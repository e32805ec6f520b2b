import SendIcon from '@mui/icons-material/Send';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CandidatureFile } from '../types';
import { BoutonAction } from './BoutonAction';
import { MotifDialog } from './MotifDialog';
import { useCandidatureAction, type RefusApi } from './useCandidatureAction';

/**
 * « Désigner au bailleur » (R-DESIGNATE). Sent without a motif; when better-ranked candidatures
 * still wait, the API answers SAUT_DE_RANG_SANS_MOTIF: its French detail is shown and the agent
 * gives the motif, then it is sent again with it. Other refusals (pieces, suspension, PSEEC
 * rights, designations complete) are notified as the API words them.
 */
export function DesignerButton({ record, bloque }: { record: CandidatureFile; bloque?: boolean }) {
  const translate = useTranslate();
  const [saut, setSaut] = useState<string | null>(null);
  const { executer, pending } = useCandidatureAction(record.id, 'designer');
  const demanderMotif = (refus: RefusApi) => {
    if (refus.body?.code !== 'SAUT_DE_RANG_SANS_MOTIF') return false;
    setSaut(refus.message);
    return true;
  };
  return (
    <>
      <BoutonAction
        label={translate('app.traitement.actions.designer')}
        icon={<SendIcon />}
        variant="contained"
        onClick={() => executer({}, { onRefus: demanderMotif })}
        pending={pending && saut == null}
        bloque={bloque}
      />
      <MotifDialog
        open={saut != null}
        motif
        title={translate('app.traitement.actions.titres.designer')}
        alert={saut}
        help={translate('app.traitement.actions.aides.designer')}
        pending={pending}
        confirmLabel={translate('app.traitement.actions.designer')}
        onConfirm={({ motif }) => executer({ motif }, { onSucces: () => setSaut(null) })}
        onClose={() => setSaut(null)}
      />
    </>
  );
}
