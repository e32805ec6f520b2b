/**
 * Two API replicas on two "machines" (each its own pool and scratch folder) sharing one S3
 * store: a piece uploaded through one is served by the other, an export produced by one's
 * worker is downloaded through the other. Nothing a replica needs lives on its own disk.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { ormConfig } from '@server/db/mikro-orm.config';
import { executerExport } from '@server/modules/exports/executer';
import { createStorage } from '@server/storage/create';
import type { FileStorage } from '@server/storage/storage';
import { createAgent } from '@test/support/agents';
import { bearer, FakeClock, login, testContext } from '@test/support/app';
import { startS3rver, useS3rverCredentials } from '@test/support/s3';
import { connexion, demande, demandeurActif } from '../portail/fixtures';

interface Replique {
  orm: MikroORM;
  storage: FileStorage;
  app: Express;
  disque: string;
}

let s3: Awaited<ReturnType<typeof startS3rver>>;
const repliques: Replique[] = [];
const clock = new FakeClock();

async function replique(): Promise<Replique> {
  const disque = mkdtempSync(path.join(os.tmpdir(), 'als-replique-'));
  const orm = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 2 } }));
  const storage = createStorage({ storageUrl: s3.url, dataDir: disque });
  const ctx = testContext(orm, clock, storage);
  return { orm, storage, disque, app: createApp({ ...ctx, config: { ...ctx.config, dataDir: disque, storageUrl: s3.url } }) };
}

beforeAll(async () => {
  s3 = await startS3rver('als-repliques');
  useS3rverCredentials();
  repliques.push(await replique(), await replique());
});
afterAll(async () => {
  for (const r of repliques) {
    await r.orm.close(true);
    await r.storage.close();
    rmSync(r.disque, { recursive: true, force: true });
  }
  await s3?.stop();
});

describe('files across replicas (S3 storage)', () => {
  it('a piece uploaded through replica A is read by an agent through replica B, byte for byte; nothing stays on A’s disk', async () => {
    const [a, b] = repliques;
    const d = await demandeurActif(a.orm);
    await demande(a.orm, d.id, { socles: false });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`replique ${process.pid} ${Date.now()}`)]);
    const depot = await request(a.app).post('/api/portail/justificatifs').set(bearer(await connexion(a.app, d.email)))
      .field('type', 'identite').field('titulaire', 'demandeur').attach('fichier', png, 'scan.png');
    expect(depot.status).toBe(201);
    expect(readdirSync(a.disque, { recursive: true }).filter((f) => !String(f).startsWith('tmp'))).toEqual([]);

    const fraude = await createAgent(b.orm, 'controle_fraude');
    const lu = await request(b.app).get(`/api/justificatifs/${depot.body.id}/fichier`).set(bearer(await login(b.app, fraude.email, fraude.password)))
      .buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(lu.status).toBe(200);
    expect(lu.headers['content-type']).toBe('image/png');
    expect(Number(lu.headers['content-length'])).toBe(png.length);
    expect(createHash('sha256').update(lu.body as Buffer).digest('hex')).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('an export produced by replica A’s worker is downloaded through replica B; after expiry B answers 410', async () => {
    const [a, b] = repliques;
    const m = await createAgent(a.orm, 'manager');
    const token = await login(b.app, m.email, m.password);
    const [{ id: bailleurId }] = await a.orm.em.fork().execute<{ id: number }[]>(`select id from bailleur order by id limit 1`);
    const cree = await request(b.app).post('/api/exports').set(bearer(token))
      .send({ kind: 'designations_bailleur', params: { bailleurId, from: '2026-01-01', to: '2026-12-31' } });
    expect(cree.status).toBe(201);
    const res = await executerExport(a.orm.em.fork(), cree.body.id, clock.now(), a.storage, { ttlHeures: 1 });
    expect(res.statut).toBe('termine');
    const dl = await request(b.app).get(`/api/exports/${cree.body.id}/fichier`).set(bearer(token));
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toMatch(/spreadsheetml/);
    await a.storage.deleteObject(res.fichier!); // what the expiry job does, on whichever replica runs it
    const parti = await request(b.app).get(`/api/exports/${cree.body.id}/fichier`).set(bearer(token));
    expect([parti.status, parti.body.code]).toEqual([410, 'EXPORT_EXPIRE']);
  });
});
