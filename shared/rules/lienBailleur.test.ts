import { describe, expect, it } from 'vitest';
import { etatLien, expirationLien, RELANCE_JOURS_DEFAUT, sansReponse, seuilRelance, VALIDITE_LIEN_JOURS } from './lienBailleur';

describe('bailleur link', () => {
  it('R-BAIL-LIEN: valid 14 Paris calendar days, same wall time across the DST change', () => {
    expect(VALIDITE_LIEN_JOURS).toBe(14);
    // 20 March 2026 10:00 Paris (UTC+1) → 3 April 2026 10:00 Paris (UTC+2).
    expect(expirationLien('2026-03-20T09:00:00Z').toISOString()).toBe('2026-04-03T08:00:00.000Z');
  });

  it('R-BAIL-LIEN: works until its expiry, not at it; revocation wins over expiry', () => {
    const lien = { expireLe: '2026-04-03T08:00:00Z', revoqueLe: null };
    expect(etatLien(lien, '2026-04-03T07:59:59Z')).toEqual({ ok: true });
    expect(etatLien(lien, '2026-04-03T08:00:00Z')).toMatchObject({ ok: false, code: 'LIEN_EXPIRE' });
    expect(etatLien({ ...lien, revoqueLe: '2026-03-21T10:00:00Z' }, '2026-03-22T10:00:00Z')).toMatchObject({ ok: false, code: 'LIEN_REVOQUE' });
    expect(etatLien({ ...lien, revoqueLe: new Date('2026-03-21T10:00:00Z') }, '2026-05-01T10:00:00Z')).toMatchObject({ code: 'LIEN_REVOQUE' });
  });
});

describe('reminders', () => {
  it('R-BAIL-RELANCE: without an answer N Paris days after the first sending (default 10)', () => {
    expect(RELANCE_JOURS_DEFAUT).toBe(10);
    const envoi = '2026-03-01T09:00:00Z';
    expect(sansReponse(envoi, '2026-03-11T08:59:59Z')).toBe(false);
    expect(sansReponse(envoi, '2026-03-11T09:00:00Z')).toBe(true);
    expect(sansReponse(envoi, '2026-03-04T09:00:00Z', 3)).toBe(true);
    expect(seuilRelance('2026-03-11T09:00:00Z').toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });
});
