import { Stack, Typography } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import type { LigneDossier } from '../../data/instruction';
import type { Justificatif } from '../../data/records';
import { PieceViewer } from '../../justificatifs/PieceViewer';
import { RefuserPieceButton } from '../../justificatifs/RefuserPieceButton';
import { ValiderPieceButton } from '../../justificatifs/ValiderPieceButton';
import { StatutLigne, useLibelleLigne } from './PiecesChecklist';

/** The viewer of the chosen checklist line, with its valider / refuser buttons. */
export function VisionneusePiece({ ligne, onVerifiee }: { ligne: LigneDossier | undefined; onVerifiee: () => void }) {
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
            <ValiderPieceButton piece={affichee} onDone={onVerifiee} />
            <RefuserPieceButton piece={affichee} onDone={onVerifiee} />
          </Stack>
        )
      }
    />
  );
}
