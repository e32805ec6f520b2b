import KeyIcon from '@mui/icons-material/Key';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { CandidatureFile } from '@console/candidatures/types';
import { BoutonAction } from './BoutonAction';
import { MotifDialog } from './MotifDialog';
import { useCandidatureAction } from './useCandidatureAction';

/** « Attribuer »: transmise_bailleur → attribuee, after a confirmation (the demande and its other candidatures close). */
export function AttribuerButton({ record, bloque }: { record: CandidatureFile; bloque?: boolean }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { executer, pending } = useCandidatureAction(record.id, 'attribuer');
  return (
    <>
      <BoutonAction label={translate('app.traitement.actions.attribuer')} icon={<KeyIcon />} variant="contained" color="success" onClick={() => setOpen(true)} pending={pending} bloque={bloque} />
      <MotifDialog
        open={open}
        title={translate('app.traitement.actions.titres.attribuer')}
        help={translate('app.traitement.actions.aides.attribuer')}
        pending={pending}
        confirmLabel={translate('app.traitement.actions.attribuer')}
        onConfirm={() => executer({}, { onSucces: () => setOpen(false) })}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
