import CheckIcon from '@mui/icons-material/Check';
import { Button, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { verificationPossible } from '../../../shared/rules/verificationPiece';
import { useCan } from '../common/useAbility';
import type { Justificatif } from '../data/records';
import { useVerifierPiece } from './useVerifierPiece';

/** « Valider » a piece seen in the viewer (when its status and the agent's role allow it). */
export function ValiderPieceButton({ piece, onDone }: { piece: Justificatif; onDone?: () => void }) {
  const translate = useTranslate();
  const allowed = useCan('valider', 'justificatifs');
  const { verifier, pending } = useVerifierPiece(piece.id, onDone);
  if (!allowed || !verificationPossible(piece.statut, 'valider')) return null;
  return (
    <Button
      size="small"
      variant="contained"
      color="success"
      startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <CheckIcon />}
      disabled={pending}
      onClick={() => verifier({ action: 'valider', body: {} })}
    >
      {translate('app.traitement.pieces.valider')}
    </Button>
  );
}
