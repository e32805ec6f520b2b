import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoTimestamps } from '@server/http/json';
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

  it('lists and records carry ISO timestamps', async () => {
    const r = await request(t.app).get('/api/candidatures').query({ range: '[0,4]' }).set(bearer(token));
    for (const c of r.body) expect(c.dateCandidature).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const one = await request(t.app).get(`/api/candidatures/${r.body[0].id}/timeline`).set(bearer(token));
    for (const e of one.body) expect(e.at).toMatch(/Z$/);
  });
});
