import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUBLICS_CIBLES, SITUATIONS_PRIORITAIRES, STATUTS_CANDIDATURE, STATUTS_JUSTIFICATIF, TITULAIRES, TYPES_JUSTIFICATIF } from '@shared/domain/enums';
import type { JustificatifRules } from '@shared/domain/types';
import { DECALAGE_HORS_PUBLIC_CIBLE, classer, comparerClassement, libellePalier, libellesPaliers, motifClassement, palierCandidature, type EntreeClassement } from './classement';
import { MAINTENANT, demande, piece, socles } from './fixtures';

const classique = { nature: 'classique', reglementation: 'plus' } as const;
const courte = { nature: 'courte_duree', reglementation: 'residence_temporaire' } as const;

function entree(id: number, date: string, partiel: Partial<EntreeClassement> = {}): EntreeClassement {
  return { candidature: { id, statut: 'deposee', dateCandidature: date }, demande: demande(), justificatifs: [], ...partiel };
}
const complet = [...socles(), piece('justificatif_domicile')];
const ids = (lignes: { candidatureId: number }[]): number[] => lignes.map((l) => l.candidatureId);

describe('ranking of one offer', () => {
  it('R-RANK-CL: complete dossiers, then socles deposited, then the others, each by dateCandidature', () => {
    const lignes = classer(
      classique,
      [
        entree(1, '2026-03-01T10:00:00Z'),
        entree(2, '2026-03-02T10:00:00Z', { justificatifs: complet }),
        entree(3, '2026-03-03T10:00:00Z', { justificatifs: socles() }),
        entree(4, '2026-03-01T09:00:00Z', { justificatifs: complet }),
        entree(5, '2026-02-01T09:00:00Z', { justificatifs: socles() }),
      ],
      MAINTENANT,
    );
    expect(ids(lignes)).toEqual([4, 2, 5, 3, 1]);
    expect(lignes.map((l) => l.palier)).toEqual([1, 1, 2, 2, 3]);
    expect(lignes.map((l) => l.rang)).toEqual([1, 2, 3, 4, 5]);
  });

  it('R-RANK-CL: a piece that expired no longer counts', () => {
    const expire = [...socles(), piece('justificatif_domicile', { dateValiditeFin: '2026-03-01' })];
    expect(palierCandidature(classique, entree(1, '2026-03-01T10:00:00Z', { justificatifs: expire }), MAINTENANT)).toBe(2);
    expect(palierCandidature(classique, entree(1, '2026-03-01T10:00:00Z', { justificatifs: expire }), '2026-02-01T00:00:00Z')).toBe(1);
  });

  it('R-RANK-CD: accompanied first, then a declared AND justified situation, then the others', () => {
    const justifiee = [piece('justificatif_situation', { statut: 'valide' })];
    const lignes = classer(
      courte,
      [
        entree(1, '2026-03-01T10:00:00Z', { demande: demande({ situationsPrioritaires: ['hotel'] }), justificatifs: justifiee }),
        entree(2, '2026-03-05T10:00:00Z', { demande: demande({ accompagneServiceSalariesEnDifficulte: true }) }),
        entree(3, '2026-02-01T10:00:00Z', { demande: demande({ situationsPrioritaires: ['hotel'] }), justificatifs: [piece('justificatif_situation')] }),
        entree(4, '2026-02-02T10:00:00Z', { justificatifs: justifiee }),
        entree(5, '2026-02-03T10:00:00Z', {
          demande: demande({ situationsPrioritaires: ['acces_emploi'] }),
          justificatifs: [piece('justificatif_situation', { statut: 'valide', titulaire: 'codemandeur' })],
        }),
      ],
      MAINTENANT,
    );
    expect(ids(lignes)).toEqual([2, 1, 3, 4, 5]);
    expect(lignes.map((l) => l.palier)).toEqual([1, 2, 3, 3, 3]);
  });

  it('R-RANK-HPC: hors public cible comes after every public-cible candidature, whatever the nature', () => {
    const hpc = demande({ publicCible: 'hors_public_cible' });
    for (const offre of [classique, courte]) {
      const lignes = classer(
        offre,
        [
          entree(1, '2026-01-01T10:00:00Z', { demande: { ...hpc, accompagneServiceSalariesEnDifficulte: true }, justificatifs: complet }),
          entree(2, '2026-03-01T10:00:00Z'),
          entree(3, '2026-01-02T10:00:00Z', { demande: hpc }),
          entree(4, '2026-03-02T10:00:00Z', { demande: demande({ publicCible: 'dalo' }) }),
        ],
        MAINTENANT,
      );
      expect(ids(lignes)).toEqual([2, 4, 1, 3]);
      expect(lignes[2].palier).toBe(DECALAGE_HORS_PUBLIC_CIBLE + 1);
    }
  });

  it('R-RANK-EXPLAIN: each row says its tier and the Paris date and time in words', () => {
    const [ligne] = classer(classique, [entree(7, '2026-03-12T08:14:00Z', { justificatifs: complet })], MAINTENANT);
    expect(ligne).toEqual({
      candidatureId: 7,
      rang: 1,
      palier: 1,
      libellePalier: 'dossier complet',
      motif: 'dossier complet, candidature du 12/03/2026 à 09:14',
      dateCandidature: new Date('2026-03-12T08:14:00Z'),
    });
    expect(motifClassement('classique', 12, '2026-07-14T20:00:00Z')).toBe('hors public cible, pièces socles déposées, candidature du 14/07/2026 à 22:00');
    expect(libellePalier('courte_duree', 2)).toBe('situation prioritaire justifiée');
    expect(libellePalier('courte_duree', 13)).toBe('hors public cible, sans situation prioritaire justifiée');
    expect(libellesPaliers('courte_duree')).toEqual(Object.fromEntries([1, 2, 3, 11, 12, 13].map((p) => [p, libellePalier('courte_duree', p)])));
    expect(Object.keys(libellesPaliers('classique'))).toEqual(['1', '2', '3', '11', '12', '13']);
  });

  it('R-RANK-EXPLAIN: ties by dateCandidature then id; closed candidatures are not ranked', () => {
    const lignes = classer(
      classique,
      [
        entree(9, '2026-03-01T10:00:00Z'),
        entree(3, '2026-03-01T10:00:00.000Z'),
        { ...entree(1, '2026-01-01T10:00:00Z'), candidature: { id: 1, statut: 'annulee', dateCandidature: '2026-01-01T10:00:00Z' } },
        { ...entree(2, '2026-01-01T10:00:00Z'), candidature: { id: 2, statut: 'transmise_bailleur', dateCandidature: '2026-03-01T10:00:00Z' } },
      ],
      MAINTENANT,
    );
    expect(ids(lignes)).toEqual([2, 3, 9]);
  });
});

const arbJustificatif: fc.Arbitrary<JustificatifRules> = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  titulaire: fc.constantFrom(...TITULAIRES),
  type: fc.constantFrom(...TYPES_JUSTIFICATIF),
  statut: fc.constantFrom(...STATUTS_JUSTIFICATIF),
  dateValiditeFin: fc.constantFrom(null, '2026-01-01', '2027-01-01'),
});

const arbEntrees = fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 25 }).chain((uniques) =>
  fc.tuple(
    ...uniques.map((id) =>
      fc.record({
        candidature: fc.record({
          id: fc.constant(id),
          statut: fc.constantFrom(...STATUTS_CANDIDATURE),
          // few distinct instants, so that ties on dateCandidature happen
          dateCandidature: fc.constantFrom('2026-03-01T10:00:00Z', '2026-03-01T10:00:01Z', '2026-03-02T08:00:00Z'),
        }),
        demande: fc.record({
          codemandeur: fc.boolean(),
          situationsPrioritaires: fc.subarray([...SITUATIONS_PRIORITAIRES], { maxLength: 2 }),
          publicCible: fc.constantFrom(...PUBLICS_CIBLES),
          accompagneServiceSalariesEnDifficulte: fc.boolean(),
        }),
        justificatifs: fc.array(arbJustificatif, { maxLength: 12 }),
      }),
    ),
  ),
);
const arbOffre = fc.constantFrom(classique, courte, { nature: 'classique', reglementation: 'libre' } as const);

describe('ranking properties', () => {
  it('R-RANK-EXPLAIN: the ranking is a total order, independent of the input order', () => {
    const arbPermutation = arbEntrees.chain((entrees) =>
      fc.tuple(fc.constant(entrees), fc.shuffledSubarray(entrees, { minLength: entrees.length, maxLength: entrees.length })),
    );
    fc.assert(
      fc.property(arbOffre, arbPermutation, (offre, [entrees, melange]) => {
        const lignes = classer(offre, entrees, MAINTENANT);
        for (let i = 1; i < lignes.length; i += 1) {
          const a = { ...lignes[i - 1], id: lignes[i - 1].candidatureId };
          const b = { ...lignes[i], id: lignes[i].candidatureId };
          expect(comparerClassement(a, b)).toBeLessThan(0);
          expect(comparerClassement(b, a)).toBeGreaterThan(0);
        }
        expect(classer(offre, melange, MAINTENANT)).toEqual(lignes);
        expect(lignes.map((l) => l.rang)).toEqual(lignes.map((_, i) => i + 1));
      }),
    );
  });

  it('R-RANK-CL: tiers never interleave and each row carries its own palier', () => {
    fc.assert(
      fc.property(arbOffre, arbEntrees, (offre, entrees) => {
        const lignes = classer(offre, entrees, MAINTENANT);
        for (let i = 1; i < lignes.length; i += 1) expect(lignes[i].palier).toBeGreaterThanOrEqual(lignes[i - 1].palier);
        for (const l of lignes) {
          const e = entrees.find((x) => x.candidature.id === l.candidatureId) as EntreeClassement;
          expect(l.palier).toBe(palierCandidature(offre, e, MAINTENANT));
        }
      }),
    );
  });

  it('R-RANK-HPC: hors public cible is always last', () => {
    fc.assert(
      fc.property(arbOffre, arbEntrees, (offre, entrees) => {
        const lignes = classer(offre, entrees, MAINTENANT);
        const hors = lignes.map((l) => entrees.find((e) => e.candidature.id === l.candidatureId)?.demande.publicCible === 'hors_public_cible');
        const premier = hors.indexOf(true);
        if (premier >= 0) expect(hors.slice(premier).every(Boolean)).toBe(true);
        lignes.forEach((l, i) => expect(l.palier > DECALAGE_HORS_PUBLIC_CIBLE).toBe(hors[i]));
      }),
    );
  });
});
