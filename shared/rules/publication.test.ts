import { describe, expect, it } from 'vitest';
import { offre } from './fixtures';
import { estPubliee } from './publication';

describe('publication window', () => {
  const o = offre({ debutPublication: '2026-03-01T08:00:00Z', finPublication: '2026-04-01T08:00:00Z' });

  it('R-PUB: visible from debutPublication included to finPublication excluded', () => {
    expect(estPubliee(o, '2026-03-01T07:59:59Z')).toBe(false);
    expect(estPubliee(o, '2026-03-01T08:00:00Z')).toBe(true);
    expect(estPubliee(o, '2026-04-01T07:59:59Z')).toBe(true);
    expect(estPubliee(o, '2026-04-01T08:00:00Z')).toBe(false);
  });

  it('R-PUB: date-only bounds are whole Paris days, the last day included', () => {
    const jours = offre({ debutPublication: '2026-03-01', finPublication: '2026-03-31' });
    expect(estPubliee(jours, '2026-02-28T22:59:59Z')).toBe(false);
    expect(estPubliee(jours, '2026-02-28T23:00:00Z')).toBe(true); // 01/03 00:00 Paris
    expect(estPubliee(jours, '2026-03-31T21:59:59Z')).toBe(true); // 31/03 23:59:59 CEST
    expect(estPubliee(jours, '2026-03-31T22:00:00Z')).toBe(false);
  });

  it('R-PUB: never visible once dépubliée, when not put online, or without a start; no end means open', () => {
    expect(estPubliee({ ...o, depubliee: true }, '2026-03-15T00:00:00Z')).toBe(false);
    expect(estPubliee({ ...o, publiee: false }, '2026-03-15T00:00:00Z')).toBe(false);
    expect(estPubliee({ ...o, publiee: true }, '2026-03-15T00:00:00Z')).toBe(true);
    expect(estPubliee({ ...o, debutPublication: null }, '2026-03-15T00:00:00Z')).toBe(false);
    expect(estPubliee({ ...o, finPublication: null }, '2036-03-15T00:00:00Z')).toBe(true);
  });
});
