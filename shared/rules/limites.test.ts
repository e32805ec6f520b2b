import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMES_OFFRE, NATURES_OFFRE, STATUTS_CANDIDATURE, TYPOLOGIES, type StatutCandidature } from '@shared/domain/enums';
import type { OffreLimiteRules, OffreRules } from '@shared/domain/types';
import { estOuvert } from './candidature';
import { MAINTENANT, demande, offre, socles, suspension } from './fixtures';
import { signalementNouvelleDemande, verifierCandidature, verifierNouvelleDemande, verifierLimites, type CandidatureExistante, type EntreeCandidature } from './limites';

let prochaineOffre = 100;
function autre(partiel: Partial<OffreLimiteRules> = {}, statut: StatutCandidature = 'deposee'): CandidatureExistante {
  prochaineOffre += 1;
  return { statut, offre: { id: prochaineOffre, nature: 'classique', forme: 'identifie', programmeId: prochaineOffre, typologie: 'T2', ...partiel } };
}
const classiques = (n: number, statut: StatutCandidature = 'en_instruction'): CandidatureExistante[] => Array.from({ length: n }, () => autre({}, statut));
const entree = (partiel: Partial<EntreeCandidature> = {}): EntreeCandidature => ({
  offre: offre(),
  demande: demande(),
  justificatifs: socles(),
  candidatures: [],
  suspensions: [],
  origine: 'portail',
  maintenant: MAINTENANT,
  ...partiel,
});
const codes = (e: Partial<EntreeCandidature>): string[] => {
  const r = verifierCandidature(entree(e));
  return r.ok ? [] : r.refus.map((x) => x.code);
};
const courte = (forme: 'identifie' | 'type', id = 1): OffreRules => offre({ id, nature: 'courte_duree', forme, reglementation: 'residence_temporaire' });

describe('limits when applying', () => {
  it('R-LIMIT-CL: admits a 5th open classique candidature', () => {
    expect(verifierCandidature(entree({ candidatures: classiques(4) }))).toEqual({ ok: true });
  });

  it('R-LIMIT-CL: refuses a 6th classique candidature', () => {
    const r = verifierCandidature(entree({ candidatures: classiques(5) }));
    expect(r).toMatchObject({ ok: false, code: 'LIMITE_CLASSIQUE' });
    expect(!r.ok && r.raison).toMatch(/déjà 5 candidatures/);
  });

  it('R-LIMIT-CL: closed candidatures and courte_duree ones do not count', () => {
    const fermees = (['attribuee', 'non_retenue', 'annulee', 'cloturee'] as const).map((s) => autre({}, s));
    const courtes = [autre({ nature: 'courte_duree', forme: 'type' }), autre({ nature: 'courte_duree', forme: 'identifie' })];
    expect(codes({ candidatures: [...classiques(4), ...fermees, ...courtes] })).toEqual([]);
    expect(codes({ candidatures: classiques(5, 'transmise_bailleur') })).toEqual(['LIMITE_CLASSIQUE']);
  });

  it('R-LIMIT-PROG: refuses the same programme and typologie, allows a different typologie or programme', () => {
    const meme = autre({ programmeId: 10, typologie: 'T2' });
    expect(codes({ candidatures: [meme] })).toEqual(['LIMITE_PROGRAMME']);
    expect(codes({ candidatures: [meme], offre: offre({ typologie: 'T3' }) })).toEqual([]);
    expect(codes({ candidatures: [autre({ programmeId: 11, typologie: 'T2' })] })).toEqual([]);
    expect(codes({ candidatures: [autre({ programmeId: 10 }, 'non_retenue')] })).toEqual([]);
    expect(codes({ candidatures: [autre({ programmeId: null })], offre: offre({ programmeId: null }) })).toEqual([]);
    expect(codes({ candidatures: [autre({ programmeId: 10, nature: 'courte_duree' })] })).toEqual([]);
  });

  it('R-LIMIT-ID: refuses a second identifié courte_duree candidature', () => {
    const r = verifierCandidature(entree({ offre: courte('identifie'), candidatures: [autre({ nature: 'courte_duree', forme: 'identifie' })] }));
    expect(r).toMatchObject({ ok: false, code: 'LIMITE_IDENTIFIE' });
    expect(!r.ok && r.refus).toHaveLength(1);
  });

  it('R-LIMIT-ID: type offers in parallel are allowed, beside an identifié one', () => {
    const identifie = autre({ nature: 'courte_duree', forme: 'identifie' });
    const types = [autre({ nature: 'courte_duree', forme: 'type' }), autre({ nature: 'courte_duree', forme: 'type' })];
    expect(codes({ offre: courte('type'), candidatures: [identifie, ...types] })).toEqual([]);
    expect(codes({ offre: courte('identifie'), candidatures: [...types, ...classiques(5)] })).toEqual([]);
    expect(codes({ offre: courte('identifie'), candidatures: [autre({ nature: 'courte_duree', forme: 'identifie' }, 'annulee')] })).toEqual([]);
  });

  it('R-LIMIT-SUSP: a suspended demandeur cannot apply, and is told until when', () => {
    const r = verifierCandidature(entree({ suspensions: [suspension({ fin: '2026-07-01T00:00:00Z' })] }));
    expect(r).toEqual({ ok: false, code: 'SUSPENDU', raison: 'Votre accès au service est suspendu jusqu’au 01/07/2026.', refus: [expect.anything()] });
    expect(codes({ suspensions: [suspension({ fin: '2026-03-01T00:00:00Z' })] })).toEqual([]);
  });

  it('R-ELIG: no complete demande → DEMANDE_INCOMPLETE, without judging eligibility', () => {
    expect(codes({ demande: null })).toEqual(['DEMANDE_INCOMPLETE']);
    expect(codes({ demande: demande({ statut: 'brouillon', revenuFiscalReference: 1e9 }) })).toEqual(['DEMANDE_INCOMPLETE']);
  });

  it('R-ELIG: only published offers on the portal; an agent proposition may reach an unpublished one', () => {
    const cachee = offre({ depubliee: true });
    expect(codes({ offre: cachee })).toEqual(['OFFRE_NON_PUBLIEE']);
    expect(codes({ offre: cachee, origine: 'proposition' })).toEqual([]);
    expect(codes({ offre: cachee, origine: 'proposition', candidatures: classiques(5) })).toEqual(['LIMITE_CLASSIQUE']);
  });

  it('R-ELIG: an ineligible household is refused NON_ELIGIBLE', () => {
    expect(codes({ demande: demande({ revenuFiscalReference: 50_000 }) })).toEqual(['NON_ELIGIBLE']);
  });

  it('R-LIMIT-CL: an open candidature on the same offer is DEJA_CANDIDAT, not a limit', () => {
    const memeOffre: CandidatureExistante = { statut: 'deposee', offre: offre() };
    expect(codes({ candidatures: [memeOffre, ...classiques(4)] })).toEqual(['DEJA_CANDIDAT']);
    expect(codes({ candidatures: [{ ...memeOffre, statut: 'annulee' }] })).toEqual([]);
  });

  it('R-LIMIT-CL: every refusal comes, in a stable priority order', () => {
    const r = verifierCandidature(
      entree({
        offre: offre({ depubliee: true }),
        demande: null,
        suspensions: [suspension()],
        candidatures: [{ statut: 'deposee', offre: offre() }, ...classiques(5), autre({ programmeId: 10 })],
      }),
    );
    expect(!r.ok && r.refus.map((x) => x.code)).toEqual(['SUSPENDU', 'DEMANDE_INCOMPLETE', 'OFFRE_NON_PUBLIEE', 'DEJA_CANDIDAT', 'LIMITE_CLASSIQUE', 'LIMITE_PROGRAMME']);
    expect(r).toMatchObject({ code: 'SUSPENDU' });
  });
});

const arbOffre: fc.Arbitrary<OffreLimiteRules> = fc.record({
  id: fc.integer({ min: 1, max: 40 }),
  nature: fc.constantFrom(...NATURES_OFFRE),
  forme: fc.constantFrom(...FORMES_OFFRE),
  programmeId: fc.option(fc.integer({ min: 1, max: 4 })),
  typologie: fc.constantFrom(...TYPOLOGIES),
});

describe('limits properties', () => {
  it('R-LIMIT-CL: whatever the history, the limits never admit a 6th open classique candidature', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ statut: fc.constantFrom(...STATUTS_CANDIDATURE), offre: arbOffre }), { maxLength: 15 }), arbOffre, (existantes, cible) => {
        const ouvertes = existantes.filter((c) => estOuvert(c.statut) && c.offre.nature === 'classique' && c.offre.id !== cible.id).length;
        const admise = verifierLimites(cible, existantes).length === 0;
        if (admise && cible.nature === 'classique') expect(ouvertes).toBeLessThan(5);
      }),
    );
  });

  it('R-LIMIT-CL: applying again and again never leaves more than 5 open classique candidatures', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 40 }), (suite) => {
        const candidatures: CandidatureExistante[] = [];
        for (const id of suite) {
          const cible = offre({ id, programmeId: id, typologie: 'T2' });
          if (verifierCandidature(entree({ offre: cible, candidatures })).ok) candidatures.push({ statut: 'deposee', offre: cible });
        }
        expect(candidatures.filter((c) => estOuvert(c.statut) && c.offre.nature === 'classique').length).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('new demande after an attribution', () => {
  it('R-REAPPLY: flagged within 12 calendar months after an attribuee candidature', () => {
    const attribution = '2025-03-12T08:14:00Z';
    expect(signalementNouvelleDemande([attribution], '2026-03-12T08:13:59Z')).toEqual({ signalee: true, jusquAu: new Date('2026-03-12T08:14:00Z') });
    expect(signalementNouvelleDemande([attribution], MAINTENANT)).toEqual({ signalee: false, jusquAu: null });
    expect(signalementNouvelleDemande([], MAINTENANT)).toEqual({ signalee: false, jusquAu: null });
    expect(signalementNouvelleDemande(['2027-01-01T00:00:00Z'], MAINTENANT)).toEqual({ signalee: false, jusquAu: null });
    expect(signalementNouvelleDemande(['2025-06-01T00:00:00Z', '2025-12-01T00:00:00Z'], MAINTENANT).jusquAu).toEqual(new Date('2026-12-01T00:00:00Z'));
  });
});

describe('creating a demande', () => {
  it('R-LIMIT-SUSP: a suspended demandeur cannot create a demande', () => {
    expect(verifierNouvelleDemande([suspension()], [], MAINTENANT)).toEqual({
      ok: false,
      code: 'SUSPENDU',
      raison: 'Votre accès au service est suspendu jusqu’au 01/07/2026 : pas de nouvelle demande.',
    });
  });

  it('R-REAPPLY: a new demande carries the reapply flag and, after a suspension, contrôle renforcé', () => {
    expect(verifierNouvelleDemande([], [], MAINTENANT)).toEqual({ ok: true, signalee: false, jusquAu: null, controleRenforce: false });
    const finie = suspension({ fin: '2026-03-01T00:00:00Z' });
    expect(verifierNouvelleDemande([finie], ['2025-06-01T00:00:00Z'], MAINTENANT)).toEqual({
      ok: true,
      signalee: true,
      jusquAu: new Date('2026-06-01T00:00:00Z'),
      controleRenforce: true,
    });
  });
});
