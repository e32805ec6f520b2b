import PlayIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { RapportGroupeDialog } from './RapportGroupeDialog';
import { MAX_GROUPE, useActionGroupee } from './useActionGroupee';

/** « Instruire » on the selected rows, after a confirmation; then the per-row report. */
export function BulkInstruireButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { selectedIds, lancer, pending, rapport, fermerRapport, tropNombreux } = useActionGroupee();
  const libelle = translate('app.traitement.groupe.instruire');
  return (
    <>
      <Button label={libelle} onClick={() => setOpen(true)} disabled={pending || tropNombreux}>
        <PlayIcon />
      </Button>
      <MotifDialog
        open={open}
        title={translate('app.traitement.groupe.instruireTitre', { smart_count: selectedIds.length })}
        help={translate('app.traitement.groupe.instruireAide')}
        alert={tropNombreux ? translate('app.traitement.groupe.trop', { max: MAX_GROUPE }) : null}
        pending={pending}
        confirmLabel={libelle}
        onConfirm={() => lancer({ action: 'instruire', ids: selectedIds }, libelle, () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
      <RapportGroupeDialog rapport={rapport} onClose={fermerRapport} />
    </>
  );
}
