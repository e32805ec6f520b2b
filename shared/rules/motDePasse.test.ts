import { describe, expect, it } from 'vitest';
import { estCourant, MOTS_DE_PASSE_COURANTS, PASSWORD_MAX, PASSWORD_MIN, refusMotDePasse } from './motDePasse';

describe('R-ACCOUNT SEC-MDP: one password policy for agents and demandeurs', () => {
  it('12 to 128 characters, counted in code points', () => {
    expect(refusMotDePasse('a'.repeat(5) + 'bcdefg')).toMatch(/au moins 12/);
    expect(refusMotDePasse('une phrase ok')).toBeNull();
    expect(refusMotDePasse('😀'.repeat(6) + 'abcdef')).toBeNull(); // 12 code points, 18 UTF-16 units
    expect(refusMotDePasse('ab'.repeat(64))).toBeNull();
    expect(refusMotDePasse('ab'.repeat(64) + 'c')).toMatch(/au plus 128/);
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([12, 128]);
  });

  it('refuses the common passwords whatever their case (password1234 included), one repeated character, the own e-mail', () => {
    expect(refusMotDePasse('password1234')).toMatch(/plus utilisés/);
    expect(refusMotDePasse('PassWord1234')).toMatch(/plus utilisés/);
    expect(MOTS_DE_PASSE_COURANTS.every((m) => m === m.toLowerCase() && estCourant(m.toUpperCase()))).toBe(true);
    expect(refusMotDePasse('zzzzzzzzzzzzzz')).toMatch(/un seul caractère/);
    expect(refusMotDePasse('lea.durand@exemple.fr', 'Lea.Durand@exemple.fr')).toMatch(/adresse électronique/);
    expect(refusMotDePasse('lea.durand@exemple.fr', null)).toBeNull();
  });
});
