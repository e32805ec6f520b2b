import PdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Candidature } from '@console/data/records';

const DESIGNEES = ['transmise_bailleur', 'attribuee'];

/**
 * "Dossier de désignation (PDF)" on a designated candidature: asks for the `dossier_designation`
 * export (R-BAIL-MIN pieces, watermarked for the bailleur) and opens it, where its progress and
 * download button are.
 */
export function DossierDesignationButton() {
  const record = useRecordContext<Candidature>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useAppDataProvider();
  const allowed = useCan('create', 'exports');
  const [envoi, setEnvoi] = useState(false);
  if (!record || !allowed || !DESIGNEES.includes(record.statut)) return null;
  const demander = async () => {
    setEnvoi(true);
    try {
      const { data } = await dataProvider.creerExport({ kind: 'dossier_designation', params: { candidatureId: record.id } });
      notify('app.pilotage.exports.dossierDemande', { type: 'info' });
      redirect('show', 'exports', data.id);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <Button size="small" variant="outlined" startIcon={<PdfIcon />} onClick={demander} disabled={envoi}>
      {translate('app.pilotage.exports.dossier')}
    </Button>
  );
}
