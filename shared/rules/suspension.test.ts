import { describe, expect, it } from 'vitest';
import { ajouterJours, ajouterMois } from './calendrier';
import { suspension } from './fixtures';
import {
  controleRenforceRequis,
  estRecidive,
  estSuspendu,
  finEffective,
  finSuspension,
  suspenduJusquAu,
  verifierDureeSuspension,
  verifierPeriodeSuspension,
} from './suspension';

describe('suspension durations', () => {
  it('R-SUSP: 6 and 60 months are accepted, 5 and 61 refused with DUREE_SUSPENSION', () => {
    expect(verifierDureeSuspension(6)).toEqual({ ok: true });
    expect(verifierDureeSuspension(60)).toEqual({ ok: true });
    for (const mois of [5, 61, 0, -6, 6.5, Number.NaN]) {
      const r = verifierDureeSuspension(mois);
      expect(r).toMatchObject({ ok: false, code: 'DUREE_SUSPENSION' });
      expect(!r.ok && r.raison).toMatch(/6 mois à 5 ans/);
    }
  });

  it('R-SUSP: over dates, 6 months is accepted and 5 months 30 days refused', () => {
    const debut = '2026-02-15T09:00:00Z';
    expect(verifierPeriodeSuspension(debut, ajouterMois(debut, 6))).toEqual({ ok: true });
    const cinqMoisTrenteJours = ajouterJours(ajouterMois(debut, 5), 30); // 15/07 + 30 days = 14/08
    const r = verifierPeriodeSuspension(debut, cinqMoisTrenteJours);
    expect(r).toMatchObject({ ok: false, code: 'DUREE_SUSPENSION' });
    expect(!r.ok && r.raison).toContain('du 15/02/2026 au 14/08/2026');
  });

  it('R-SUSP: over dates, 60 months is accepted and one second more refused', () => {
    const debut = '2026-02-15T09:00:00Z';
    const soixante = ajouterMois(debut, 60);
    expect(verifierPeriodeSuspension(debut, soixante)).toEqual({ ok: true });
    expect(verifierPeriodeSuspension(debut, new Date(soixante.getTime() + 1000))).toMatchObject({ ok: false });
    expect(verifierPeriodeSuspension(debut, ajouterMois(debut, 61))).toMatchObject({ ok: false, code: 'DUREE_SUSPENSION' });
  });

  it('R-SUSP: the end is debut + N calendar months in Paris, the day clamped', () => {
    expect(finSuspension('2026-08-31T10:00:00Z', 6).toISOString()).toBe('2027-02-28T11:00:00.000Z');
    expect(finSuspension('2027-08-31T10:00:00Z', 6).toISOString()).toBe('2028-02-29T11:00:00.000Z');
    expect(finSuspension('2026-03-12T08:14:00Z', 60).toISOString()).toBe('2031-03-12T08:14:00.000Z');
  });
});

describe('suspension state', () => {
  const s = suspension({ debut: '2026-01-01T00:00:00Z', fin: '2026-07-01T00:00:00Z' });

  it('R-LIMIT-SUSP: suspended from debut included to fin excluded', () => {
    expect(estSuspendu([s], '2025-12-31T23:59:59Z')).toBe(false);
    expect(estSuspendu([s], '2026-01-01T00:00:00Z')).toBe(true);
    expect(estSuspendu([s], '2026-06-30T23:59:59Z')).toBe(true);
    expect(estSuspendu([s], '2026-07-01T00:00:00Z')).toBe(false);
    expect(estSuspendu([], '2026-03-01T00:00:00Z')).toBe(false);
  });

  it('R-SUSP: a lifted suspension stops at its levee', () => {
    const levee = { ...s, levee: '2026-03-01T00:00:00Z' };
    expect(finEffective(levee).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(finEffective({ ...s, levee: '2026-09-01T00:00:00Z' }).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(estSuspendu([levee], '2026-03-01T00:00:00Z')).toBe(false);
    expect(estSuspendu([levee], '2026-02-28T00:00:00Z')).toBe(true);
  });

  it('R-FRAUD-VIS: others see until when a demandeur is suspended', () => {
    const longue = suspension({ debut: '2026-02-01T00:00:00Z', fin: '2027-02-01T00:00:00Z' });
    expect(suspenduJusquAu([s, longue], '2026-03-01T00:00:00Z')?.toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(suspenduJusquAu([s], '2026-08-01T00:00:00Z')).toBeNull();
  });

  it('R-SUSP: a new suspension after a previous one is a récidive', () => {
    expect(estRecidive([])).toBe(false);
    expect(estRecidive([s])).toBe(true);
  });

  it('R-SUSP: contrôle renforcé is due once a suspension has ended or was lifted', () => {
    expect(controleRenforceRequis([s], '2026-06-30T00:00:00Z')).toBe(false);
    expect(controleRenforceRequis([s], '2026-07-01T00:00:00Z')).toBe(true);
    expect(controleRenforceRequis([{ ...s, levee: '2026-02-01T00:00:00Z' }], '2026-02-01T00:00:00Z')).toBe(true);
    expect(controleRenforceRequis([], '2030-01-01T00:00:00Z')).toBe(false);
  });
});
