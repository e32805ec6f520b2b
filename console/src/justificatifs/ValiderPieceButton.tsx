import CheckIcon from '@mui/icons-material/Check';
import { Button, CircularProgress } from '@mui/material';
import { useEffect, type MutableRefObject } from 'react';
import { useTranslate, type Identifier } from 'react-admin';
import { verificationPossible } from '@shared/rules/verificationPiece';
import { useCan } from '@console/common/useAbility';
import type { Justificatif } from '@console/data/records';
import { useVerifierPiece } from './useVerifierPiece';

/** What a keyboard shortcut calls instead of a click (null when the button is not offered). */
export type RaccourciPiece = MutableRefObject<(() => void) | null>;

/** « Valider » a piece seen in the viewer (when its status and the agent's role allow it); `raccourci` gets the same action for the V key. */
export function ValiderPieceButton({ piece, onDone, raccourci, candidatureId }: { piece: Justificatif; onDone?: () => void; raccourci?: RaccourciPiece; candidatureId?: Identifier }) {
  const translate = useTranslate();
  const allowed = useCan('valider', 'justificatifs');
  const { verifier, pending } = useVerifierPiece(piece.id, onDone, candidatureId);
  const offert = allowed && verificationPossible(piece.statut, 'valider');
  useEffect(() => {
    if (!raccourci) return;
    raccourci.current = offert ? () => verifier({ action: 'valider', body: {} }) : null;
    return () => {
      raccourci.current = null;
    };
  });
  if (!offert) return null;
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
