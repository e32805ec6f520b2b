import { describe, expect, it } from 'vitest';
import { depublier, estEntreeInvalide, prolonger, publier, raccourcir, renouveler, retirer, type EtatFenetre, type ResultatFenetre } from './fenetrePublication';

/** Window 01/03 08:00 → 01/04 08:00 UTC, put online; "now" is mid-March unless said otherwise. */
const base: EtatFenetre = {
  publiee: true,
  debutPublication: '2026-03-01T08:00:00Z',
  finPublication: '2026-04-01T08:00:00Z',
  depubliee: false,
  retiree: false,
};
const NOW = '2026-03-15T10:00:00Z';
const code = (r: ResultatFenetre) => (r.ok ? 'OK' : r.code);

describe('R-PUB window actions (§11.18)', () => {
  it('R-PUB: prolonger moves the end later, never earlier, never into the past, only while running', () => {
    expect(prolonger(base, '2026-04-15T08:00:00Z', NOW)).toEqual({ ok: true, changements: { finPublication: new Date('2026-04-15T08:00:00Z') } });
    expect(code(prolonger(base, '2026-03-20T08:00:00Z', NOW))).toBe('PROLONGATION_INVALIDE');
    expect(code(prolonger(base, '2026-04-01T08:00:00Z', NOW))).toBe('PROLONGATION_INVALIDE');
    expect(code(prolonger(base, '2026-03-10T08:00:00Z', NOW))).toBe('DATE_PASSEE');
    expect(code(prolonger(base, '2026-05-01T08:00:00Z', '2026-04-01T08:00:00Z'))).toBe('FENETRE_TERMINEE');
    expect(code(prolonger({ ...base, finPublication: null }, '2026-05-01', NOW))).toBe('FENETRE_ABSENTE');
    expect(code(prolonger({ ...base, debutPublication: null }, '2026-05-01', NOW))).toBe('FENETRE_ABSENTE');
    expect(code(prolonger({ ...base, retiree: true }, '2026-05-01', NOW))).toBe('OFFRE_RETIREE');
  });

  it('R-PUB: a date-only end is the whole Paris day (visible until 24:00)', () => {
    const r = prolonger(base, '2026-04-30', NOW);
    expect(r.ok && r.changements.finPublication?.toISOString()).toBe('2026-04-30T22:00:00.000Z');
  });

  it('R-PUB: raccourcir moves the end earlier, after the start and after now', () => {
    expect(code(raccourcir(base, '2026-03-25T08:00:00Z', NOW))).toBe('OK');
    expect(code(raccourcir(base, '2026-04-10T08:00:00Z', NOW))).toBe('RACCOURCISSEMENT_INVALIDE');
    expect(code(raccourcir(base, '2026-03-12T08:00:00Z', NOW))).toBe('DATE_PASSEE');
    expect(code(raccourcir(base, '2026-02-20T08:00:00Z', NOW))).toBe('FENETRE_INVALIDE');
    expect(code(raccourcir(base, '2026-03-25T08:00:00Z', '2026-04-02T00:00:00Z'))).toBe('FENETRE_TERMINEE');
    expect(code(raccourcir({ ...base, debutPublication: null }, '2026-03-25', NOW))).toBe('FENETRE_ABSENTE');
    expect(code(raccourcir({ ...base, retiree: true }, '2026-03-25', NOW))).toBe('OFFRE_RETIREE');
    // No end set yet: any end after now shortens it.
    expect(code(raccourcir({ ...base, finPublication: null }, '2026-06-01', NOW))).toBe('OK');
  });

  it('R-PUB: renouveler sets a new window and puts online an offer that is not visible', () => {
    const fini = { ...base, finPublication: '2026-03-10T08:00:00Z' };
    expect(renouveler(fini, '2026-03-16T00:00:00Z', '2026-04-16T00:00:00Z', NOW)).toEqual({
      ok: true,
      changements: {
        publiee: true, debutPublication: new Date('2026-03-16T00:00:00Z'), finPublication: new Date('2026-04-16T00:00:00Z'),
        depublieeLe: null, motifDepublication: null,
      },
    });
    expect(code(renouveler(base, '2026-03-16T00:00:00Z', '2026-04-16T00:00:00Z', NOW))).toBe('DEJA_PUBLIEE');
    expect(code(renouveler(fini, '2026-04-16T00:00:00Z', '2026-04-16T00:00:00Z', NOW))).toBe('FENETRE_INVALIDE');
    expect(code(renouveler(fini, '2026-03-01T00:00:00Z', '2026-03-12T00:00:00Z', NOW))).toBe('DATE_PASSEE');
    expect(code(renouveler({ ...fini, retiree: true }, '2026-03-16', '2026-04-16', NOW))).toBe('OFFRE_RETIREE');
    expect(code(renouveler({ ...base, depubliee: true }, '2026-03-16', '2026-04-16', NOW))).toBe('OK');
  });

  it('R-PUB: publier needs a window not ended and an offer not already online', () => {
    expect(publier({ ...base, publiee: false }, NOW)).toEqual({ ok: true, changements: { publiee: true, depublieeLe: null, motifDepublication: null } });
    expect(code(publier({ ...base, depubliee: true }, NOW))).toBe('OK');
    expect(code(publier(base, NOW))).toBe('DEJA_PUBLIEE');
    expect(code(publier({ ...base, publiee: false, debutPublication: null }, NOW))).toBe('FENETRE_ABSENTE');
    expect(code(publier({ ...base, publiee: false }, '2026-04-05T00:00:00Z'))).toBe('FENETRE_TERMINEE');
    expect(code(publier({ ...base, retiree: true }, NOW))).toBe('OFFRE_RETIREE');
  });
});

describe('R-PUB dépublication and withdrawal (§11.19, §11.27, §12)', () => {
  it('R-PUB: dépublier hides a visible or scheduled offer, with a motif', () => {
    expect(depublier(base, '  Logement sinistré ', NOW)).toEqual({
      ok: true, changements: { publiee: false, depublieeLe: new Date(NOW), motifDepublication: 'Logement sinistré' },
    });
    expect(code(depublier(base, 'Travaux', '2026-02-01T00:00:00Z'))).toBe('OK'); // scheduled, not yet visible
    expect(code(depublier(base, '   ', NOW))).toBe('MOTIF_REQUIS');
    expect(code(depublier(base, null, NOW))).toBe('MOTIF_REQUIS');
    expect(code(depublier({ ...base, depubliee: true }, 'motif', NOW))).toBe('DEJA_DEPUBLIEE');
    expect(code(depublier({ ...base, publiee: false }, 'motif', NOW))).toBe('NON_PUBLIEE');
    expect(code(depublier({ ...base, debutPublication: null }, 'motif', NOW))).toBe('NON_PUBLIEE');
    expect(code(depublier(base, 'motif', '2026-04-02T00:00:00Z'))).toBe('NON_PUBLIEE');
    expect(code(depublier({ ...base, retiree: true }, 'motif', NOW))).toBe('OFFRE_RETIREE');
  });

  it('R-PUB: retirer hides for good, keeps an earlier dépublication date, refuses a future attribution date', () => {
    expect(retirer(base, 'Reprise', NOW)).toEqual({ ok: true, changements: { publiee: false, depublieeLe: new Date(NOW), motifDepublication: 'Reprise' } });
    expect(retirer({ ...base, depubliee: true }, 'Reprise', NOW)).toEqual({ ok: true, changements: { publiee: false, motifDepublication: 'Reprise' } });
    expect(code(retirer(base, 'Attribué', NOW, '2026-03-14'))).toBe('OK');
    expect(code(retirer(base, 'Attribué', NOW, '2026-03-20'))).toBe('DATE_FUTURE');
    expect(code(retirer(base, '', NOW))).toBe('MOTIF_REQUIS');
    expect(code(retirer({ ...base, retiree: true }, 'Reprise', NOW))).toBe('OFFRE_RETIREE');
  });

  it('R-PUB: bad input codes are 400, the others 409', () => {
    expect(estEntreeInvalide('FENETRE_INVALIDE')).toBe(true);
    expect(estEntreeInvalide('MOTIF_REQUIS')).toBe(true);
    expect(estEntreeInvalide('DATE_FUTURE')).toBe(true);
    expect(estEntreeInvalide('DATE_PASSEE')).toBe(false);
  });
});
