import PlayIcon from '@mui/icons-material/PlayArrow';
import { useTranslate } from 'react-admin';
import type { CandidatureFile } from '@console/candidatures/types';
import { BoutonAction } from './BoutonAction';
import { useCandidatureAction } from './useCandidatureAction';

/** « Instruire »: deposee → en_instruction (R-CAND-FSM); a PSEEC demande needs rights left (R-PSEEC). */
export function InstruireButton({ record, bloque }: { record: CandidatureFile; bloque?: boolean }) {
  const translate = useTranslate();
  const { executer, pending } = useCandidatureAction(record.id, 'instruire');
  return <BoutonAction label={translate('app.traitement.actions.instruire')} icon={<PlayIcon />} variant="contained" onClick={() => executer()} pending={pending} bloque={bloque} />;
}
