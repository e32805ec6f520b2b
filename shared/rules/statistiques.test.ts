import { describe, expect, it } from 'vitest';
import { effectifDiffusable, SEUIL_SECRET_STATISTIQUE } from './statistiques';

describe('R-STATS: small counts withheld in entreprise-facing figures', () => {
  it('R-STATS: a count of 1 to 4 is withheld (null + flag)', () => {
    for (const n of [1, 2, 3, 4]) expect(effectifDiffusable(n)).toEqual({ valeur: null, masque: true });
  });
  it('R-STATS: 0 and counts from the threshold up are shown', () => {
    expect(SEUIL_SECRET_STATISTIQUE).toBe(5);
    expect(effectifDiffusable(0)).toEqual({ valeur: 0, masque: false });
    expect(effectifDiffusable(5)).toEqual({ valeur: 5, masque: false });
    expect(effectifDiffusable(1234)).toEqual({ valeur: 1234, masque: false });
  });
});
