import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { MODELES_NE_PAS_RETENIR } from '@console/candidatures/actions/modelesMotif';
import { RapportGroupeDialog } from './RapportGroupeDialog';
import { useActionGroupee } from './useActionGroupee';

/** « Ne pas retenir » the selected rows with one motif for all; then the per-row report. */
export function BulkNePasRetenirButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { selectedIds, lancer, pending, rapport, fermerRapport, tropNombreux } = useActionGroupee();
  const libelle = translate('app.traitement.groupe.nePasRetenir');
  return (
    <>
      <Button label={libelle} onClick={() => setOpen(true)} disabled={pending || tropNombreux}>
        <BlockIcon />
      </Button>
      <MotifDialog
        open={open}
        motif
        title={translate('app.traitement.groupe.nePasRetenirTitre', { smart_count: selectedIds.length })}
        help={translate('app.traitement.groupe.nePasRetenirAide')}
        modeles={MODELES_NE_PAS_RETENIR}
        pending={pending}
        confirmLabel={libelle}
        onConfirm={({ motif }) => lancer({ action: 'ne-pas-retenir', ids: selectedIds, motif: motif ?? '' }, libelle, () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
      <RapportGroupeDialog rapport={rapport} onClose={fermerRapport} />
    </>
  );
}
