import { describe, expect, it } from 'vitest';
import type { EtapeInactivite } from '@shared/domain/enums';
import { cleEtape, derniereActivite, echeancierInactivite, etapeInactiviteDue, etatInactivite, type EnvoiInactivite } from './inactivite';

const A = '2026-01-10T09:00:00Z'; // 10:00 in Paris
const CYCLE = '2026-01-10T09:00:00.000Z';
const envoi = (etape: EtapeInactivite, envoyeLe: string, cycle = CYCLE): EnvoiInactivite => ({ cycle, etape, envoyeLe });
const aTemps = [envoi('avertissement', '2026-04-10T08:00:00Z'), envoi('relance', '2026-05-07T08:00:00Z')];
const etat = (maintenant: string, envois: EnvoiInactivite[] = [], derniere = A) =>
  etatInactivite({ derniereActivite: derniere, statutsCandidatures: ['deposee', 'annulee'], envois, maintenant });
const iso = (d: Date): string => d.toISOString();

describe('inactivity calendar', () => {
  it('R-INACT: warning at 3 months, reminder 3 days before 4 months, closure at 4 months (Paris wall time)', () => {
    const e = echeancierInactivite(A);
    expect(e.cycle).toBe(CYCLE);
    expect(iso(e.avertissement)).toBe('2026-04-10T08:00:00.000Z'); // 10:00 CEST
    expect(iso(e.relance)).toBe('2026-05-07T08:00:00.000Z');
    expect(iso(e.cloture)).toBe('2026-05-10T08:00:00.000Z');
  });

  it('R-INACT: nothing before 3 months, then the warning, keyed for exactly-once', () => {
    expect(etat('2026-04-10T07:59:59Z')).toEqual({
      cycle: CYCLE,
      suspendue: false,
      due: null,
      prochaine: { etape: 'avertissement', a: new Date('2026-04-10T08:00:00Z') },
    });
    expect(etat('2026-04-10T08:00:00Z').due).toEqual({ etape: 'avertissement', cle: `${CYCLE}#avertissement` });
    expect(cleEtape(CYCLE, 'cloture')).toBe(`${CYCLE}#cloture`);
  });

  it('R-INACT: the reminder is due 3 days before 4 months once the warning is sent', () => {
    const avertie = [aTemps[0]];
    expect(etat('2026-05-07T07:59:59Z', avertie).prochaine).toEqual({ etape: 'relance', a: new Date('2026-05-07T08:00:00Z') });
    expect(etat('2026-05-07T08:00:00Z', avertie).due?.etape).toBe('relance');
  });

  it('R-INACT: no closure at 4 months minus 1 second, closure at exactly 4 months', () => {
    expect(etat('2026-05-10T07:59:59Z', aTemps)).toMatchObject({ due: null, prochaine: { etape: 'cloture', a: new Date('2026-05-10T08:00:00Z') } });
    expect(etapeInactiviteDue({ derniereActivite: A, statutsCandidatures: [], envois: aTemps, maintenant: '2026-05-10T08:00:00Z' })).toEqual({
      etape: 'cloture',
      cle: `${CYCLE}#cloture`,
    });
  });

  it('R-INACT: after a job outage the reminder is due at once and the closure 3 days after it was sent', () => {
    const avertie = [aTemps[0]];
    expect(etat('2026-05-20T12:00:00Z', avertie).due?.etape).toBe('relance');
    const relanceTardive = [...avertie, envoi('relance', '2026-05-20T12:00:00Z')];
    expect(etat('2026-05-23T11:59:59Z', relanceTardive)).toMatchObject({ due: null, prochaine: { etape: 'cloture', a: new Date('2026-05-23T12:00:00Z') } });
    expect(etat('2026-05-23T12:00:00Z', relanceTardive).due?.etape).toBe('cloture');
  });

  it('R-INACT: a late warning is sent first; the reminder follows it', () => {
    expect(etat('2026-05-08T08:00:00Z').due?.etape).toBe('avertissement');
    expect(etat('2026-05-08T09:00:00Z', [envoi('avertissement', '2026-05-08T08:30:00Z')]).due?.etape).toBe('relance');
  });

  it('R-INACT: each step once — duplicates in the history keep the first send, and all done means nothing due', () => {
    const doubles = [...aTemps, envoi('relance', '2026-05-09T08:00:00Z')];
    expect(etat('2026-05-10T08:00:00Z', doubles).due?.etape).toBe('cloture');
    expect(etat('2026-09-01T00:00:00Z', [...aTemps, envoi('cloture', '2026-05-10T08:00:00Z')])).toMatchObject({ due: null, prochaine: null });
  });

  it('R-INACT: any activity restarts the clock — steps of an older cycle are ignored', () => {
    const ancien = [envoi('avertissement', '2026-04-10T08:00:00Z', '2025-12-01T00:00:00.000Z')];
    expect(etat('2026-04-10T08:00:00Z', ancien).due?.etape).toBe('avertissement');
    expect(etat('2026-04-10T08:00:00Z', aTemps, '2026-03-01T00:00:00Z')).toMatchObject({ due: null, prochaine: { etape: 'avertissement' } });
  });

  it('R-INACT: skipped while a candidature is transmise_bailleur or attribuee', () => {
    for (const statut of ['transmise_bailleur', 'attribuee'] as const) {
      const r = etatInactivite({ derniereActivite: A, statutsCandidatures: ['deposee', statut], envois: [], maintenant: '2026-09-01T00:00:00Z' });
      expect(r).toEqual({ cycle: CYCLE, suspendue: true, due: null, prochaine: null });
    }
  });

  it('R-INACT: the reminder across the spring DST change (late March) keeps the Paris wall time', () => {
    const e = echeancierInactivite('2025-12-01T09:00:00Z'); // 10:00 CET
    expect(iso(e.cloture)).toBe('2026-04-01T08:00:00.000Z'); // 10:00 CEST
    expect(iso(e.relance)).toBe('2026-03-29T08:00:00.000Z'); // 10:00 CEST, the day clocks go forward
    expect(iso(e.avertissement)).toBe('2026-03-01T09:00:00.000Z'); // 10:00 CET
  });

  it('R-INACT: the reminder across the autumn DST change (late October) keeps the Paris wall time', () => {
    const e = echeancierInactivite('2026-06-27T08:00:00Z'); // 10:00 CEST
    expect(iso(e.cloture)).toBe('2026-10-27T09:00:00.000Z'); // 10:00 CET
    expect(iso(e.relance)).toBe('2026-10-24T08:00:00.000Z'); // 10:00 CEST, the eve of the change
    const relance = [envoi('avertissement', '2026-09-27T08:00:00Z', '2026-06-27T08:00:00.000Z'), envoi('relance', '2026-10-24T08:00:00Z', '2026-06-27T08:00:00.000Z')];
    const sansRelance = relance.slice(0, 1);
    const base = { derniereActivite: '2026-06-27T08:00:00Z', statutsCandidatures: [] };
    expect(etapeInactiviteDue({ ...base, envois: sansRelance, maintenant: '2026-10-24T07:59:59Z' })).toBeNull();
    // 3 Paris days after the reminder is 73 hours later across the change, at the nominal 4 months
    expect(etapeInactiviteDue({ ...base, envois: relance, maintenant: '2026-10-27T08:59:59Z' })).toBeNull();
    expect(etapeInactiviteDue({ ...base, envois: relance, maintenant: '2026-10-27T09:00:00Z' })?.etape).toBe('cloture');
  });

  it('R-INACT: the reminder over a leap day, and 4 months clamped to 29 February', () => {
    const e = echeancierInactivite('2027-11-02T09:00:00Z');
    expect(iso(e.cloture)).toBe('2028-03-02T09:00:00.000Z');
    expect(iso(e.relance)).toBe('2028-02-28T09:00:00.000Z'); // 2 March − 3 days goes through 29 Feb
    const clamp = echeancierInactivite('2027-10-31T09:00:00Z');
    expect(iso(clamp.cloture)).toBe('2028-02-29T09:00:00.000Z');
    expect(iso(clamp.relance)).toBe('2028-02-26T09:00:00.000Z');
    expect(iso(clamp.avertissement)).toBe('2028-01-31T09:00:00.000Z');
  });

  it('R-INACT: the last activity is the latest of login, update…', () => {
    expect(iso(derniereActivite('2026-01-01T00:00:00Z', null, new Date('2026-02-01T00:00:00Z')))).toBe('2026-02-01T00:00:00.000Z');
    expect(() => derniereActivite(null)).toThrow(RangeError);
  });
});
