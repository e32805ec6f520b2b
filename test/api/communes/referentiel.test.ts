/**
 * Issue #16 (« Going to production »): a fresh database without demo data has no communes until
 * `npm run communes:import`; every demande would then be refused with COMMUNE_INCONNUE and nothing
 * said why. `/api/health` and the answer itself now say that the referential is empty.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { COMMUNES_RELECTURE_MS, communesChargees, fermerSonde } from '@server/db/sante';
import { FakeClock, testContext } from '@test/support/app';
import { baseDediee, sql, type BaseDediee } from '../jobs/support';

let db: BaseDediee;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'communes');
  app = createApp(testContext(db.orm, new FakeClock()));
});
afterAll(async () => {
  await fermerSonde(db.orm);
  await db?.fermer();
});

describe('issue #16: an empty communes referential is said, not guessed', () => {
  it('OPS-COMMUNES: /api/health stays 200 (the replica serves) but says communes « vide » with what to do; the refusal names the empty referential', async () => {
    const h = await request(app).get('/api/health');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok', database: 'up', communes: 'vide' });
    expect(h.body.avertissements[0]).toMatch(/référentiel des communes est vide.*npm run communes:import/);

    const r = await request(app).get('/api/portail/offres').query({ communes: '75056' });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe('COMMUNE_INCONNUE');
    expect(r.body.detail).toMatch(/référentiel des communes n’est pas encore chargé/);
  });

  it('OPS-COMMUNES: once imported, health says « chargees » (asked again at most every 30 s) and an unknown code is named as before', async () => {
    await sql(db.orm, `insert into commune (code_insee, nom, code_postal, departement, latitude, longitude) values ('75056', 'Paris', '75001', '75', 48.85, 2.35)`);
    const t0 = Date.now();
    expect(await communesChargees(db.orm, t0)).toBe(false); // remembered from the first probe
    expect(await communesChargees(db.orm, t0 + COMMUNES_RELECTURE_MS + 1)).toBe(true);
    const h = await request(app).get('/api/health');
    expect(h.body.communes).toBe('chargees');
    expect(h.body.avertissements).toBeUndefined();

    const r = await request(app).get('/api/portail/offres').query({ communes: '75056,99999' });
    expect(r.status).toBe(400);
    expect(r.body.detail).toBe('Commune(s) inconnue(s) : 99999.');
  });
});
