import { Stack, Typography } from '@mui/material';
import { useGetOne, useTranslate, type Identifier } from 'react-admin';
import type { LigneDossier } from '@console/data/instruction';
import type { Justificatif } from '@console/data/records';
import { PieceViewer } from '@console/justificatifs/PieceViewer';
import { RefuserPieceButton } from '@console/justificatifs/RefuserPieceButton';
import { ValiderPieceButton, type RaccourciPiece } from '@console/justificatifs/ValiderPieceButton';
import { StatutLigne, useLibelleLigne } from './PiecesChecklist';

/** The viewer of the chosen checklist line, with its valider / refuser buttons (and their V / R keys). */
export function VisionneusePiece({
  ligne,
  onVerifiee,
  raccourcis,
  candidatureId,
}: {
  ligne: LigneDossier | undefined;
  /** The candidature whose dossier is shown: a verification's answer carries its new state, and checking one of its pieces takes it when nobody holds it. */
  candidatureId?: Identifier;
  onVerifiee: () => void;
  raccourcis?: { valider: RaccourciPiece; refuser: RaccourciPiece };
}) {
  const translate = useTranslate();
  const libelle = useLibelleLigne();
  const id = ligne?.justificatifId ?? null;
  const { data: piece } = useGetOne<Justificatif>('justificatifs', { id: id ?? 0 }, { enabled: id != null });
  const affichee = piece && id != null && piece.id === id ? piece : null;
  const titre = ligne && (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="subtitle2" component="h3">
        {libelle(ligne)}
      </Typography>
      <StatutLigne ligne={ligne} />
      {affichee && (
        <Typography variant="caption" color="text.secondary" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 220 }}>
          {affichee.nomOriginal}
        </Typography>
      )}
    </Stack>
  );
  return (
    <PieceViewer
      piece={affichee}
      titre={titre}
      vide={translate(ligne ? (id == null ? 'app.traitement.pieces.sansFichier' : 'app.traitement.dossier.chargement') : 'app.traitement.pieces.choisir')}
      actions={
        affichee && (
          <Stack direction="row" sx={{ gap: 1 }}>
            <ValiderPieceButton piece={affichee} onDone={onVerifiee} raccourci={raccourcis?.valider} candidatureId={candidatureId} />
            <RefuserPieceButton piece={affichee} onDone={onVerifiee} raccourci={raccourcis?.refuser} candidatureId={candidatureId} />
          </Stack>
        )
      }
    />
  );
}
