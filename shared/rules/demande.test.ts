import { describe, expect, it } from 'vitest';
import { demandeRules } from './demande';

describe('demandeRules', () => {
  it('R-RANK-CD: derives the rule inputs from a demande: a codemandeur is present or not, the §13.6 flags as they are', () => {
    const d = {
      statut: 'complete' as const, nombrePersonnes: 2, revenuFiscalReference: 25_000, publicCible: 'peec' as const,
      situationsPrioritaires: ['hotel' as const], accompagneServiceSalariesEnDifficulte: true,
      codemandeur: { civilite: 'M' as const, nom: 'Durand', prenom: 'Paul', dateNaissance: '1988-01-02' },
    };
    expect(demandeRules(d)).toEqual({
      statut: 'complete', nombrePersonnes: 2, codemandeur: true, revenuFiscalReference: 25_000, publicCible: 'peec',
      situationsPrioritaires: ['hotel'], accompagneServiceSalariesEnDifficulte: true,
    });
    expect(demandeRules({ ...d, codemandeur: null }).codemandeur).toBe(false);
  });
});
