import CloseIcon from '@mui/icons-material/Close';
import { Button, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate, type Identifier } from 'react-admin';
import { MOTIFS_REFUS_PIECE, type MotifRefusPiece } from '@shared/domain/enums';
import { verificationPossible } from '@shared/rules/verificationPiece';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { enumLabelKey } from '@console/common/enums';
import { useCan } from '@console/common/useAbility';
import type { Justificatif } from '@console/data/records';
import type { RaccourciPiece } from './ValiderPieceButton';
import { useVerifierPiece } from './useVerifierPiece';

/** « Refuser » a piece with a motif code and, if useful, a precision (both told to the demandeur); `raccourci` opens the dialog (R key). */
export function RefuserPieceButton({ piece, onDone, raccourci, candidatureId }: { piece: Justificatif; onDone?: () => void; raccourci?: RaccourciPiece; candidatureId?: Identifier }) {
  const translate = useTranslate();
  const allowed = useCan('refuser', 'justificatifs');
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<MotifRefusPiece | ''>('');
  const [precision, setPrecision] = useState('');
  const { verifier, pending } = useVerifierPiece(piece.id, () => {
    setOpen(false);
    onDone?.();
  }, candidatureId);
  const offert = allowed && verificationPossible(piece.statut, 'refuser');
  const ouvrir = () => {
    setCode('');
    setPrecision('');
    setOpen(true);
  };
  useEffect(() => {
    if (!raccourci) return;
    raccourci.current = offert && !pending ? ouvrir : null;
    return () => {
      raccourci.current = null;
    };
  });
  if (!offert) return null;
  const libelle = translate(enumLabelKey('typeJustificatif', piece.type));
  return (
    <>
      <Button size="small" variant="outlined" color="error" startIcon={<CloseIcon />} disabled={pending} onClick={ouvrir}>
        {translate('app.traitement.pieces.refuser')}
      </Button>
      <MotifDialog
        open={open}
        title={translate('app.traitement.pieces.refusTitre', { piece: libelle })}
        pending={pending}
        incomplete={code === ''}
        confirmLabel={translate('app.traitement.pieces.refuser')}
        onConfirm={() => code !== '' && verifier({ action: 'refuser', body: { motifCode: code, ...(precision.trim() ? { motif: precision.trim() } : {}) } })}
        onClose={() => setOpen(false)}
      >
        <TextField select required autoFocus label={translate('app.traitement.pieces.motifCode')} value={code} onChange={(e) => setCode(e.target.value as MotifRefusPiece)}>
          {MOTIFS_REFUS_PIECE.map((m) => (
            <MenuItem key={m} value={m}>
              {translate(`app.traitement.pieces.motifs.${m}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          multiline
          minRows={2}
          label={translate('app.traitement.pieces.precision')}
          value={precision}
          onChange={(e) => setPrecision(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </MotifDialog>
    </>
  );
}
