import CancelIcon from '@mui/icons-material/CancelOutlined';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { detailsRequis } from '@shared/rules/candidature';
import type { CandidatureFile } from '@console/candidatures/types';
import { BoutonAction } from './BoutonAction';
import { MotifDialog } from './MotifDialog';
import { useCandidatureAction } from './useCandidatureAction';

const REQUIS = detailsRequis('annuler', 'agent');

/** « Annuler » on the demandeur's request (R-CANCEL-SELF): the request channel and a motif. */
export function AnnulerButton({ record, bloque }: { record: CandidatureFile; bloque?: boolean }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { executer, pending } = useCandidatureAction(record.id, 'annuler');
  return (
    <>
      <BoutonAction label={translate('app.traitement.actions.annuler')} icon={<CancelIcon />} color="error" onClick={() => setOpen(true)} pending={pending} bloque={bloque} />
      <MotifDialog
        open={open}
        motif={REQUIS.motif}
        canal={REQUIS.canal}
        title={translate('app.traitement.actions.titres.annuler')}
        help={translate('app.traitement.actions.aides.annuler')}
        pending={pending}
        confirmLabel={translate('app.traitement.actions.titres.annuler')}
        onConfirm={(details) => executer(details, { onSucces: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
