import { describe, expect, it } from 'vitest';
import { STATUTS_JUSTIFICATIF } from '@shared/domain/enums';
import { verificationPossible, verificationsPossibles } from './verificationPiece';

describe('verification of a piece', () => {
  it('R-DESIGNATE: a deposited piece is validated or refused', () => {
    expect(verificationsPossibles('depose')).toEqual(['valider', 'refuser']);
  });

  it('R-DESIGNATE: a refused piece may be validated, a validated one refused', () => {
    expect(verificationsPossibles('refuse')).toEqual(['valider']);
    expect(verificationsPossibles('valide')).toEqual(['refuser']);
    expect(verificationPossible('valide', 'valider')).toBe(false);
  });

  it('R-DESIGNATE: expired and falsified pieces take no verification (a new upload is needed)', () => {
    expect(verificationsPossibles('expire')).toEqual([]);
    expect(verificationsPossibles('falsifie')).toEqual([]);
    expect(STATUTS_JUSTIFICATIF.filter((s) => verificationsPossibles(s).length > 0).sort()).toEqual(['depose', 'refuse', 'valide']);
  });
});
