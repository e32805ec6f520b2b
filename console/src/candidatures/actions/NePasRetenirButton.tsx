import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { detailsRequis } from '@shared/rules/candidature';
import type { CandidatureFile } from '@console/candidatures/types';
import { BoutonAction } from './BoutonAction';
import { MODELES_NE_PAS_RETENIR } from './modelesMotif';
import { MotifDialog } from './MotifDialog';
import { useCandidatureAction } from './useCandidatureAction';

const REQUIS = detailsRequis('ne_pas_retenir', 'agent');

/** « Ne pas retenir », with the motif the lifecycle requires (told to the demandeur), from a standard motif or free text. */
export function NePasRetenirButton({ record, bloque }: { record: CandidatureFile; bloque?: boolean }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { executer, pending } = useCandidatureAction(record.id, 'ne_pas_retenir');
  return (
    <>
      <BoutonAction label={translate('app.traitement.actions.ne_pas_retenir')} icon={<BlockIcon />} onClick={() => setOpen(true)} pending={pending} bloque={bloque} />
      <MotifDialog
        open={open}
        motif={REQUIS.motif}
        canal={REQUIS.canal}
        title={translate('app.traitement.actions.titres.ne_pas_retenir')}
        help={translate('app.traitement.actions.aides.ne_pas_retenir')}
        pending={pending}
        confirmLabel={translate('app.traitement.actions.ne_pas_retenir')}
        modeles={MODELES_NE_PAS_RETENIR}
        onConfirm={(details) => executer(details, { onSucces: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
