import { describe, expect, it } from 'vitest';
import { TYPOLOGIES } from '@shared/domain/enums';
import { TAILLES_PAR_TYPOLOGIE, plafondApplicable, typologieAdaptee, typologiesAdaptees, verifierEligibilite } from './eligibilite';
import { MAINTENANT, demande, offre, piece, socles } from './fixtures';

describe('eligibility', () => {
  it('R-ELIG: the plafond of the household size, with the largest and smallest sizes for the others', () => {
    const plafonds = { 2: 30_000, 1: 20_000, 4: 45_000 };
    expect(plafondApplicable(plafonds, 1)).toBe(20_000);
    expect(plafondApplicable(plafonds, 3)).toBe(30_000);
    expect(plafondApplicable(plafonds, 9)).toBe(45_000);
    expect(plafondApplicable({ 2: 30_000 }, 1)).toBe(30_000);
    expect(plafondApplicable({}, 3)).toBeNull();
  });

  it('R-ELIG: revenue equal to the plafond is eligible, one euro more is not', () => {
    const o = offre({ plafonds: { 2: 33_000 } });
    expect(verifierEligibilite(o, demande({ revenuFiscalReference: 33_000 }), socles(), MAINTENANT)).toEqual([]);
    const [refus] = verifierEligibilite(o, demande({ revenuFiscalReference: 33_001 }), socles(), MAINTENANT);
    expect(refus.code).toBe('NON_ELIGIBLE');
    expect(refus.raison).toMatch(/Revenu fiscal de référence \(33\s001 €\) au-dessus du plafond de 33\s000 € pour 2 personne/);
    expect(verifierEligibilite(offre({ plafonds: {} }), demande({ revenuFiscalReference: 1e6 }), [], MAINTENANT)).toEqual([]);
  });

  it('R-ELIG: the typologie must suit the household size', () => {
    expect(Object.keys(TAILLES_PAR_TYPOLOGIE).sort()).toEqual([...TYPOLOGIES].sort());
    expect(typologiesAdaptees(1)).toEqual(['chambre', 'studio', 'T1', 'T2']);
    expect(typologiesAdaptees(4)).toEqual(['T3', 'T4', 'T5']);
    expect(typologiesAdaptees(12)).toEqual(['T6']);
    expect(typologieAdaptee('T3', 1)).toBe(false);
    const [refus] = verifierEligibilite(offre({ typologie: 'studio' }), demande({ nombrePersonnes: 3 }), [], MAINTENANT);
    expect(refus).toEqual({ code: 'NON_ELIGIBLE', raison: 'Un logement studio n’est pas adapté à un foyer de 3 personne(s).' });
  });

  it('R-ELIG: an expired required piece makes the household ineligible until it is replaced; a missing one does not', () => {
    const expiree = piece('identite', { statut: 'valide', dateValiditeFin: '2026-03-01' });
    const [, ressources, avis] = socles();
    const refus = verifierEligibilite(offre(), demande(), [expiree, ressources, avis], MAINTENANT);
    expect(refus).toEqual([{ code: 'NON_ELIGIBLE', raison: 'Pièce(s) expirée(s) à mettre à jour : identite (demandeur).' }]);
    expect(verifierEligibilite(offre(), demande(), [expiree, piece('identite'), ressources, avis], MAINTENANT)).toEqual([]);
    expect(verifierEligibilite(offre(), demande(), [], MAINTENANT)).toEqual([]);
  });

  it('R-ELIG: every reason is listed', () => {
    const refus = verifierEligibilite(
      offre({ typologie: 'T6', plafonds: { 1: 10 } }),
      demande({ nombrePersonnes: 1 }),
      [piece('avis_imposition', { statut: 'expire' })],
      MAINTENANT,
    );
    expect(refus.map((r) => r.raison.slice(0, 12))).toEqual(['Revenu fisca', 'Un logement ', 'Pièce(s) exp']);
  });
});
