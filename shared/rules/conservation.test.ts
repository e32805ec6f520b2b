import { describe, expect, it } from 'vitest';
import { CONSERVATION, entreeConservation, finDeConservation, intervalle, libelleDuree, limiteDeConservation } from './conservation';

describe('retention table', () => {
  it('DATA-RETENTION: one entry per kind of data, each with a duration, a start event, an action and its source', () => {
    const cles = CONSERVATION.map((e) => e.cle);
    expect(new Set(cles).size).toBe(cles.length);
    for (const e of CONSERVATION) {
      expect(libelleDuree(e.duree)).not.toBe('aucune');
      expect(e.depart.length).toBeGreaterThan(5);
      expect(e.source).toMatch(/CGU|CNIL|Décret|Code civil/);
    }
  });

  it('DATA-RETENTION: the limit is reached on the day of start + duration, not the day before', () => {
    const debut = new Date('2025-03-15T10:00:00Z');
    expect(finDeConservation(debut, { mois: 12 })).toEqual(new Date('2026-03-15T10:00:00Z'));
    const jourJ = new Date('2026-03-15T10:00:00Z');
    const veille = new Date('2026-03-14T10:00:00Z');
    expect(debut.getTime() <= limiteDeConservation(jourJ, { mois: 12 }).getTime()).toBe(true);
    expect(debut.getTime() <= limiteDeConservation(veille, { mois: 12 }).getTime()).toBe(false);
    expect(libelleDuree({ mois: 60 })).toBe('5 ans');
    expect(libelleDuree({ jours: 7 })).toBe('7 jours');
  });

  it('DATA-RETENTION: durations in days and hours, their French words and their PostgreSQL interval', () => {
    const t = new Date('2026-03-15T10:00:00Z');
    expect(finDeConservation(t, { jours: 7 })).toEqual(new Date('2026-03-22T10:00:00Z'));
    expect(finDeConservation(t, { heures: 24 })).toEqual(new Date('2026-03-16T10:00:00Z'));
    expect(limiteDeConservation(t, { jours: 7 })).toEqual(new Date('2026-03-08T10:00:00Z'));
    expect(limiteDeConservation(t, { heures: 72 })).toEqual(new Date('2026-03-12T10:00:00Z'));
    expect(libelleDuree({ mois: 12 })).toBe('12 mois');
    expect(libelleDuree({ mois: 18 })).toBe('18 mois');
    expect(libelleDuree({ mois: 24 })).toBe('2 ans');
    expect(libelleDuree({ jours: 1 })).toBe('1 jour');
    expect(libelleDuree({ heures: 1 })).toBe('1 heure');
    expect(libelleDuree({ mois: 1, jours: 2, heures: 3 })).toBe('1 mois 2 jours 3 heures');
    expect(libelleDuree({})).toBe('aucune');
    expect(intervalle({ mois: 12 })).toBe('12 months 0 days 0 hours');
    expect(intervalle({ jours: 7, heures: 1 })).toBe('0 months 7 days 1 hours');
    expect(entreeConservation('export').duree).toEqual({ heures: 72 });
  });
});
