/**
 * Checking a piece (§11.11, feeding R-DESIGNATE and R-RANK): which verification an agent may
 * record on a justificatif, by its status. A piece waiting (`depose`) is validated or refused; a
 * refused one may be validated after all (the agent changes their mind on a second look); a
 * validated one may still be refused (a defect seen later). Expired and falsified pieces are
 * final for agents: the demandeur uploads a new one.
 */
import type { StatutJustificatif } from '@shared/domain/enums';

export type VerificationPiece = 'valider' | 'refuser';

const DEPUIS: Record<VerificationPiece, readonly StatutJustificatif[]> = {
  valider: ['depose', 'refuse'],
  refuser: ['depose', 'valide'],
};

/** Whether this verification may be recorded on a piece with this status. */
export function verificationPossible(statut: StatutJustificatif, verification: VerificationPiece): boolean {
  return DEPUIS[verification].includes(statut);
}

/** The verifications to offer on a piece (the buttons to show), validation first. */
export function verificationsPossibles(statut: StatutJustificatif): VerificationPiece[] {
  return (Object.keys(DEPUIS) as VerificationPiece[]).filter((v) => verificationPossible(statut, v));
}
