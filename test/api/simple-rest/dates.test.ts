import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoTimestamps, timestampsIso } from '@server/http/json';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let token: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'controle_fraude', [], 'dates');
  token = await login(t.app, a.email, a.password);
});

describe('dates in ISO 8601 UTC (api.md)', () => {
  it('turns PostgreSQL timestamptz text into ISO, leaves plain dates and other text alone', () => {
    expect(isoTimestamps('', '2026-05-10 08:00:00+00')).toBe('2026-05-10T08:00:00.000Z');
    expect(isoTimestamps('', '2026-05-10 10:00:00.123456+02')).toBe('2026-05-10T08:00:00.123Z');
    expect(isoTimestamps('', '2026-05-10')).toBe('2026-05-10');
    expect(isoTimestamps('', 'Appel le 2026-05-10 08:00')).toBe('Appel le 2026-05-10 08:00');
  });

  it('VOLUME-JSON-ISO: the walk before serialising gives what the former replacer gave, on any timestamptz text and any shape', () => {
    // The former replacer, as it was: every key of the answer through new Date().toISOString().
    const PG = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
    const ancien = (_k: string, v: unknown) => {
      if (typeof v === 'string' && v.length <= 32 && PG.test(v)) {
        const d = new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
        return Number.isNaN(d.getTime()) ? v : d.toISOString();
      }
      return v;
    };
    const texte = fc.tuple(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('+00', '+02', '-05', '+05:30', '+00:00'),
    ).map(([d, chiffres, f, decalage]) => {
      const base = d.toISOString().slice(0, 19).replace('T', ' ');
      return `${base}${chiffres ? '.' + String(f).padStart(6, '0').slice(0, chiffres) : ''}${decalage}`;
    });
    const valeur = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, texte, fc.string(), fc.integer(), fc.constant(null), fc.boolean(), tie('tab'), tie('obj')),
      tab: fc.array(tie('v'), { maxLength: 4 }),
      obj: fc.dictionary(fc.string({ maxLength: 6 }), tie('v'), { maxKeys: 4 }),
    })).v;
    fc.assert(fc.property(valeur, (v) => {
      const gele = JSON.stringify(v);
      expect(JSON.stringify(timestampsIso(v))).toBe(JSON.stringify(v, ancien));
      expect(JSON.stringify(v)).toBe(gele); // nothing modified in place
    }), { numRuns: 2000 });
    const d = new Date('2026-05-10T08:00:00.123Z');
    expect(JSON.stringify(timestampsIso({ d, b: Buffer.from('x'), e: { toJSON: () => ({ at: '2026-05-10 08:00:00+00' }) } })))
      .toBe('{"d":"2026-05-10T08:00:00.123Z","b":{"type":"Buffer","data":[120]},"e":{"at":"2026-05-10T08:00:00.000Z"}}');
  });

  it('lists and records carry ISO timestamps', async () => {
    const r = await request(t.app).get('/api/candidatures').query({ range: '[0,4]' }).set(bearer(token));
    for (const c of r.body) expect(c.dateCandidature).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const one = await request(t.app).get(`/api/candidatures/${r.body[0].id}/timeline`).set(bearer(token));
    for (const e of one.body) expect(e.at).toMatch(/Z$/);
  });
});
