import { Box, LinearProgress, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { CandidatureFile } from '../types';
import { DemandeurResume } from './DemandeurResume';
import { DossierEntete } from './DossierEntete';
import { Historique } from './Historique';
import { OffreResume } from './OffreResume';
import { PiecesChecklist } from './PiecesChecklist';
import { cleLigne, ligneSuivante, premiereLigne } from './pieces';
import { useDossier } from './useDossier';
import { VerrouBandeau } from './VerrouBandeau';
import { VisionneusePiece } from './VisionneusePiece';

/**
 * The candidature page: head and actions, soft lock, then the dossier on the left (demandeur,
 * offer, pieces checklist) beside the document viewer on the right, and the history below.
 */
export function DossierPage() {
  const record = useRecordContext<CandidatureFile>();
  const { data: dossier } = useDossier(record?.id);
  const [selection, setSelection] = useState<string | null>(null);
  const lignes = dossier?.checklist ?? [];

  // A new dossier (next / previous): show its first piece to check.
  useEffect(() => setSelection(null), [record?.id]);
  useEffect(() => {
    if (selection == null && dossier && String(dossier.id) === String(record?.id)) {
      const l = premiereLigne(dossier.checklist);
      if (l) setSelection(cleLigne(l));
    }
  }, [selection, dossier, record?.id]);

  if (!record) return null;
  const ligne = lignes.find((l) => cleLigne(l) === selection);
  const suivante = () => {
    const l = selection ? ligneSuivante(lignes, selection) : undefined;
    if (l) setSelection(cleLigne(l));
  };
  return (
    <Stack sx={{ gap: 2, mt: 1, mb: 3 }}>
      <DossierEntete record={record} dossier={dossier} />
      {!dossier ? (
        <LinearProgress />
      ) : (
        <>
          <VerrouBandeau record={record} dossier={dossier} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(380px, 5fr) 7fr' }, alignItems: 'start' }}>
            <Stack sx={{ gap: 2, minWidth: 0 }}>
              <DemandeurResume record={record} dossier={dossier} />
              <PiecesChecklist lignes={lignes} selection={selection} onSelect={setSelection} />
              <OffreResume record={record} />
            </Stack>
            <Box sx={{ position: { lg: 'sticky' }, top: { lg: 64 }, height: { xs: 560, lg: 'calc(100vh - 88px)' }, minWidth: 0 }}>
              <VisionneusePiece ligne={ligne} onVerifiee={suivante} />
            </Box>
          </Box>
          <Historique entite="candidatures" id={record.id} />
        </>
      )}
    </Stack>
  );
}
