import { describe, expect, it } from 'vitest';
import {
  ACCENTS_DE,
  ACCENTS_VERS,
  canoniserEmail,
  cleIdentite,
  comparerComptes,
  normaliserNom,
  normaliserTelephone,
  scoreDoublon,
} from './identite';

describe('identity keys (duplicate accounts)', () => {
  it('R-ONE-ACCOUNT: the accent table maps each accented letter to one plain letter', () => {
    expect([...ACCENTS_DE]).toHaveLength(ACCENTS_VERS.length);
    expect(ACCENTS_VERS).toMatch(/^[a-z]+$/);
  });

  it('R-ONE-ACCOUNT: the seeded look-alikes have the same key (accents, case, hyphens, spaces, swapped names)', () => {
    const paires: [string, string, string, string][] = [
      ['Durand', 'Hélène', 'Durand', 'Helene'],
      ['Lefèvre', 'Jean-Pierre', 'Lefevre', 'Jean Pierre'],
      ['Benali', 'Karim', 'Karim', 'Benali'],
      ['DUBOIS', 'Nathalie', 'Dubois', 'Nathalie'],
      ['Nguyen', 'François', 'NGUYEN', 'Francois'],
      ["N'Diaye", 'Aïssatou', 'N Diaye', 'AISSATOU'],
      ['Œuvray', 'Zoë', 'oeuvray', 'zoe'],
    ];
    for (const [nomA, prenomA, nomB, prenomB] of paires) {
      const a = cleIdentite({ nom: nomA, prenom: prenomA, dateNaissance: '1988-04-12' });
      expect(a).toBe(cleIdentite({ nom: nomB, prenom: prenomB, dateNaissance: '1988-04-12' }));
    }
    expect(cleIdentite({ nom: 'Lefèvre', prenom: 'Jean-Pierre', dateNaissance: '1988-04-12' })).toBe('jean lefevre pierre|1988-04-12');
  });

  it('R-ONE-ACCOUNT: another birth date, another name, or no birth date never match', () => {
    const a = cleIdentite({ nom: 'Durand', prenom: 'Hélène', dateNaissance: '1988-04-12' });
    expect(cleIdentite({ nom: 'Durand', prenom: 'Hélène', dateNaissance: '1988-04-13' })).not.toBe(a);
    expect(cleIdentite({ nom: 'Durand', prenom: 'Helena', dateNaissance: '1988-04-12' })).not.toBe(a);
    expect(cleIdentite({ nom: 'Durand', prenom: 'Hélène', dateNaissance: null })).toBeNull();
    expect(cleIdentite({ nom: 'Durand', prenom: 'Hélène', dateNaissance: '1988-04-12T00:00:00.000Z' })).toBe(a);
  });

  it('R-ONE-ACCOUNT: only ASCII letters change case; other scripts are kept as they are', () => {
    expect(normaliserNom('  ÉLODIE   d’Arc  ')).toBe('arc d elodie');
    expect(normaliserNom('Łukasz ДМИТРИЙ')).toBe('lukasz ДМИТРИЙ');
    expect(normaliserNom('b a a')).toBe('a a b');
    expect(normaliserNom('---')).toBe('');
  });

  it('R-ONE-ACCOUNT: telephones compare by their digits, +33 and 0033 written as 0', () => {
    expect(normaliserTelephone('06 12 34 56 78')).toBe('0612345678');
    expect(normaliserTelephone('+33 6 12 34 56 78')).toBe('0612345678');
    expect(normaliserTelephone('0033612345678')).toBe('0612345678');
    expect(normaliserTelephone('06.12.34.56.78')).toBe('0612345678');
    expect(normaliserTelephone('33 12')).toBeNull();
    expect(normaliserTelephone('inconnu')).toBeNull();
    expect(normaliserTelephone(null)).toBeNull();
    expect(normaliserTelephone('331234567890')).toBe('331234567890');
  });

  it('R-ONE-ACCOUNT: e-mail variants reach the same mailbox (case, +tag, Gmail dots)', () => {
    expect(canoniserEmail(' Jean.Dupont+als@GoogleMail.com ')).toBe('jeandupont@gmail.com');
    expect(canoniserEmail('jean.dupont@gmail.com')).toBe('jeandupont@gmail.com');
    expect(canoniserEmail('Jean.Dupont+logement@orange.fr')).toBe('jean.dupont@orange.fr');
    expect(canoniserEmail('jean.dupont@orange.fr')).not.toBe(canoniserEmail('jeandupont@orange.fr'));
    expect(canoniserEmail('SANS-AROBASE')).toBe('sans-arobase');
  });

  it('R-ONE-ACCOUNT: accounts compared field by field (identical, equivalent once normalised, different)', () => {
    const a = { nom: 'Benali', prenom: 'Karim', dateNaissance: '1990-01-02', email: 'karim.benali@gmail.com', telephone: '0612345678' };
    const b = { nom: 'Karim', prenom: 'Benali', dateNaissance: '1990-01-02', email: 'karimbenali+2@gmail.com', telephone: '+33 6 12 34 56 78' };
    expect(comparerComptes(a, b)).toEqual({ nom: 'equivalent', prenom: 'equivalent', dateNaissance: 'identique', email: 'equivalent', telephone: 'equivalent' });
    const c = { nom: 'BENALI', prenom: 'Samir', dateNaissance: null, email: 'autre@orange.fr', telephone: null };
    expect(comparerComptes(a, c)).toEqual({ nom: 'equivalent', prenom: 'different', dateNaissance: 'different', email: 'different', telephone: 'different' });
    expect(comparerComptes(c, c)).toEqual({ nom: 'identique', prenom: 'identique', dateNaissance: 'identique', email: 'identique', telephone: 'identique' });
  });

  it('R-ONE-ACCOUNT: scores grow with the number of accounts and a shared identity document, capped at 100', () => {
    expect(scoreDoublon('telephone_partage', 2)).toBe(40);
    expect(scoreDoublon('telephone_partage', 4)).toBe(60);
    expect(scoreDoublon('fichier_partage', 2, true)).toBe(90);
    expect(scoreDoublon('identite_multiple', 9)).toBe(100);
    expect(scoreDoublon('email_variante', 1)).toBe(60);
  });
});
