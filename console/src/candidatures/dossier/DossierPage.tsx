import { Box, LinearProgress, Stack } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useRecordContext } from 'react-admin';
import { AideRaccourcis, type Raccourci } from '@console/common/AideRaccourcis';
import { useRaccourcis } from '@console/common/raccourcis';
import type { CandidatureFile } from '@console/candidatures/types';
import { EnvoisCandidature } from '@console/bailleurs/envois/EnvoisCandidature';
import { DemandeurResume } from './DemandeurResume';
import { DossierEntete } from './DossierEntete';
import { Historique } from './Historique';
import { OffreResume } from './OffreResume';
import { PiecesChecklist } from './PiecesChecklist';
import { cleLigne, ligneSuivante, premiereLigne } from './pieces';
import { useDossier } from './useDossier';
import { VerrouBandeau } from './VerrouBandeau';
import { VisionneusePiece } from './VisionneusePiece';

const RACCOURCIS_DOSSIER: Raccourci[] = [
  { touches: ['j', 'Alt + →'], libelle: 'app.raccourcis.dossier.suivant' },
  { touches: ['k', 'Alt + ←'], libelle: 'app.raccourcis.dossier.precedent' },
  { touches: ['V'], libelle: 'app.raccourcis.dossier.valider' },
  { touches: ['R'], libelle: 'app.raccourcis.dossier.refuser' },
  { touches: ['N'], libelle: 'app.raccourcis.dossier.pieceSuivante' },
  { touches: ['A'], libelle: 'app.raccourcis.dossier.actions' },
];

/**
 * The candidature page: head and actions, soft lock, then the dossier on the left (demandeur,
 * offer, pieces checklist) beside the document viewer on the right, and the history below.
 */
export function DossierPage() {
  const record = useRecordContext<CandidatureFile>();
  const { data: dossier } = useDossier(record?.id);
  const [selection, setSelection] = useState<string | null>(null);
  const lignes = dossier?.checklist ?? [];
  // V / R act through the viewer's own buttons (same rights, same status rule, same request).
  const valider = useRef<(() => void) | null>(null);
  const refuser = useRef<(() => void) | null>(null);
  const liste = useRef<HTMLUListElement>(null);
  // After a verification or N, the focus goes to the selected line of the checklist, not to the page.
  const [focusDemande, setFocusDemande] = useState(0);
  useEffect(() => {
    if (focusDemande > 0) liste.current?.querySelector<HTMLElement>('.Mui-selected')?.focus();
  }, [focusDemande]);

  // A new dossier (next / previous): show its first piece to check.
  useEffect(() => setSelection(null), [record?.id]);
  useEffect(() => {
    if (selection == null && dossier && String(dossier.id) === String(record?.id)) {
      const l = premiereLigne(dossier.checklist);
      if (l) setSelection(cleLigne(l));
    }
  }, [selection, dossier, record?.id]);

  const ligne = lignes.find((l) => cleLigne(l) === selection);
  const suivante = () => {
    const l = selection ? ligneSuivante(lignes, selection) : undefined;
    if (l) setSelection(cleLigne(l));
    setFocusDemande((n) => n + 1);
  };
  /** N: the next line of the checklist, in its order, back to the first after the last. */
  const ligneApres = () => {
    if (lignes.length === 0) return;
    const i = lignes.findIndex((l) => cleLigne(l) === selection);
    setSelection(cleLigne(lignes[(i + 1) % lignes.length]));
    setFocusDemande((n) => n + 1);
  };
  useRaccourcis({ v: () => valider.current?.(), r: () => refuser.current?.(), n: ligneApres }, dossier != null);

  if (!record) return null;
  return (
    <Stack sx={{ gap: 2, mt: 1, mb: 3 }}>
      <AideRaccourcis raccourcis={RACCOURCIS_DOSSIER} />
      <DossierEntete record={record} dossier={dossier} />
      {!dossier ? (
        <LinearProgress />
      ) : (
        <>
          <VerrouBandeau record={record} dossier={dossier} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(380px, 5fr) 7fr' }, alignItems: 'start' }}>
            <Stack sx={{ gap: 2, minWidth: 0 }}>
              <DemandeurResume record={record} dossier={dossier} />
              <EnvoisCandidature record={record} />
              <PiecesChecklist lignes={lignes} selection={selection} onSelect={setSelection} listeRef={liste} candidatureId={record.id} />
              <OffreResume record={record} />
            </Stack>
            <Box sx={{ position: { lg: 'sticky' }, top: { lg: 64 }, height: { xs: 560, lg: 'calc(100vh - 88px)' }, minWidth: 0 }}>
              <VisionneusePiece ligne={ligne} onVerifiee={suivante} raccourcis={{ valider, refuser }} candidatureId={record.id} />
            </Box>
          </Box>
          <Historique entite="candidatures" id={record.id} />
        </>
      )}
    </Stack>
  );
}
