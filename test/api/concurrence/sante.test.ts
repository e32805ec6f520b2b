/**
 * Issue #12: `/api/health` answers from its own tiny pool (server/src/db/sante.ts): 503
 * {"status":"degraded","database":"down"} while PostgreSQL is out of reach, 200 again as soon as it
 * is back (no restart), and it never waits behind a saturated app pool.
 */
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '@server/app';
import { fermerSonde } from '@server/db/sante';
import { testContext, useTestApp } from '@test/support/app';
import { hoteDe, ormAvec, RelaisTcp } from '@test/support/concurrence';

const t = useTestApp('isolee');
const ouverts: MikroORM[] = [];
afterAll(async () => {
  for (const o of ouverts) {
    await fermerSonde(o);
    await o.close(true);
  }
  await fermerSonde(t.orm);
});

const sonde = async (app: Parameters<typeof request>[0]) => {
  const t0 = performance.now();
  const r = await request(app).get('/api/health').timeout(10_000);
  return { r, ms: performance.now() - t0 };
};

describe('issue #12: /api/health', () => {
  it('answers 200 {status:"ok", database:"up", time} (the fields the e2e runner and probes read)', async () => {
    const { r } = await sonde(t.app);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', database: 'up', time: t.clock.now().toISOString(), communes: 'chargees' });
  });

  it('PostgreSQL out of reach → 503 {status:"degraded", database:"down"} within about a second; back → 200 without a restart', async () => {
    const relais = new RelaisTcp(hoteDe(inject('databaseUrlIsolee')));
    await relais.ouvrir();
    try {
      const o = await ormAvec({}, { min: 0, max: 2 }, relais.url(inject('databaseUrlIsolee')));
      ouverts.push(o);
      const app = createApp(testContext(o, t.clock, t.storage));
      expect((await sonde(app)).r.status).toBe(200);

      await relais.couper(); // the server (as this replica sees it) is gone: refused connections, open ones dropped
      for (let i = 0; i < 3; i++) {
        const { r, ms } = await sonde(app);
        expect(r.status).toBe(503);
        expect(r.headers['content-type']).toMatch(/^application\/json/);
        expect(r.body).toMatchObject({ status: 'degraded', database: 'down' });
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(ms).toBeLessThan(1500);
      }

      await relais.ouvrir(); // back, on the same address
      const { r, ms } = await sonde(app);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok', database: 'up' });
      expect(ms).toBeLessThan(1500);
    } finally {
      await relais.couper();
    }
  });

  it('the app pool saturated (its one connection held): /api/health still answers 200 in under 200 ms', async () => {
    const o = await ormAvec({ DATABASE_ACQUIRE_TIMEOUT_MS: '5000' }, { min: 0, max: 1 });
    ouverts.push(o);
    const app = createApp(testContext(o, t.clock, t.storage));
    expect((await sonde(app)).r.status).toBe(200); // the probe's own connection is open
    let rendre!: () => void;
    const tenue = new Promise<void>((ok) => (rendre = ok));
    const occupe = o.em.fork().transactional(async (tx) => {
      await tx.execute('select 1');
      await tenue;
    });
    try {
      const mesures: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { r, ms } = await sonde(app);
        expect(r.status).toBe(200);
        mesures.push(ms);
      }
      expect(Math.max(...mesures)).toBeLessThan(200);
    } finally {
      rendre();
      await occupe;
    }
  });
});
