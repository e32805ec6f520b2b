import { describe, expect, it } from 'vitest';
import {
  ajouterJours,
  ajouterMois,
  comparerInstants,
  decalageParis,
  depuisPartiesParis,
  formatDateHeureParis,
  formatDateParis,
  joursDansMois,
  partiesParis,
  versDate,
} from './calendrier';

const iso = (d: Date): string => d.toISOString();

describe('Europe/Paris calendar', () => {
  it('R-RANK-EXPLAIN: shows instants in Paris time, winter and summer', () => {
    expect(formatDateHeureParis('2026-03-12T08:14:00Z')).toBe('12/03/2026 à 09:14');
    expect(formatDateHeureParis(new Date('2026-07-01T22:05:00Z'))).toBe('02/07/2026 à 00:05');
    expect(formatDateParis('2026-12-31T23:30:00Z')).toBe('01/01/2027');
  });

  it('R-INACT: knows the Paris offset on both sides of a DST change', () => {
    expect(decalageParis(Date.parse('2026-03-29T00:59:59Z'))).toBe(3_600_000);
    expect(decalageParis(Date.parse('2026-03-29T01:00:00Z'))).toBe(7_200_000);
    expect(decalageParis(Date.parse('2026-10-25T01:00:00Z'))).toBe(3_600_000);
  });

  it('R-INACT: a wall time in the spring-forward gap moves forward, a repeated one takes the earlier instant', () => {
    const base = { annee: 2026, mois: 3, jour: 29, heure: 2, minute: 30, seconde: 0, milli: 0 };
    expect(iso(depuisPartiesParis(base))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(depuisPartiesParis({ ...base, mois: 10, jour: 25 }))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(iso(depuisPartiesParis({ ...base, jour: 12, heure: 9 }))).toBe('2026-03-12T08:30:00.000Z');
  });

  it('R-PUB: reads date-only strings as Paris days and zone-less date-times as UTC', () => {
    expect(iso(versDate('2026-03-12'))).toBe('2026-03-11T23:00:00.000Z');
    expect(iso(versDate('2026-03-12', 'fin'))).toBe('2026-03-12T23:00:00.000Z');
    expect(iso(versDate('2026-03-31', 'fin'))).toBe('2026-03-31T22:00:00.000Z');
    expect(iso(versDate('2026-03-12T08:14:00'))).toBe('2026-03-12T08:14:00.000Z');
    expect(iso(versDate('2026-03-12T09:14:00+01:00'))).toBe('2026-03-12T08:14:00.000Z');
    expect(() => versDate('demain')).toThrow(RangeError);
    expect(() => versDate(new Date(Number.NaN))).toThrow(/Date invalide/);
  });

  it('R-SUSP: adds calendar months at the same Paris wall time, clamping the day', () => {
    expect(iso(ajouterMois('2026-08-31T10:00:00Z', 6))).toBe('2027-02-28T11:00:00.000Z');
    expect(iso(ajouterMois('2027-08-31T10:00:00Z', 6))).toBe('2028-02-29T11:00:00.000Z');
    expect(iso(ajouterMois('2026-01-15T09:00:00Z', 60))).toBe('2031-01-15T09:00:00.000Z');
    expect(iso(ajouterMois('2026-03-31T08:00:00Z', -1))).toBe('2026-02-28T09:00:00.000Z');
    // 31/01 23:30 UTC is already 01/02 in Paris: the month arithmetic is Paris's, not UTC's.
    expect(iso(ajouterMois('2026-01-31T23:30:00Z', -14))).toBe('2024-11-30T23:30:00.000Z');
    expect(joursDansMois(2028, 2)).toBe(29);
  });

  it('R-INACT: adds calendar days across DST and leap days', () => {
    expect(iso(ajouterJours('2026-03-28T09:00:00Z', 1))).toBe('2026-03-29T08:00:00.000Z');
    expect(iso(ajouterJours('2028-03-01T09:00:00Z', -1))).toBe('2028-02-29T09:00:00.000Z');
    expect(iso(ajouterJours('2026-12-31T12:00:00Z', 1))).toBe('2027-01-01T12:00:00.000Z');
  });

  it('R-RANK-EXPLAIN: exposes Paris parts and compares instants', () => {
    expect(partiesParis('2026-03-12T08:14:05.250Z')).toEqual({ annee: 2026, mois: 3, jour: 12, heure: 9, minute: 14, seconde: 5, milli: 250 });
    expect(comparerInstants('2026-03-12T08:14:00Z', new Date('2026-03-12T08:14:01Z'))).toBeLessThan(0);
  });
});
