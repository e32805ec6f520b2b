/**
 * The volume seed (`npm run seed:volume`) at a small scale on a real PostgreSQL: it turns off the
 * triggers that keep the stored territories during its bulk load and fills them set-based
 * (`territoiresStockes`); the result must be what the triggers give. Proved by running the
 * triggers' own recomputation (`als_recalculer_departements`, whose changes of
 * demande.departements the demande trigger copies to the pieces) over every demande and
 * demandeur afterwards: it must change nothing. The database is dropped at the end.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { adminSql } from '@test/support/testDatabase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '@server/db/mikro-orm.config';
import { LocalStorage } from '@server/storage/local';
import { seedDemo } from '../index';
import { seedVolume, TRIGGERS_TERRITOIRES } from './index';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const adminUrl = process.env.DATABASE_URL ?? inject('adminDatabaseUrl') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const nom = `als_seed_volume_test_${process.pid}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'als-seed-volume-'));
let orm: MikroORM;
let client: pg.Client;

const admin = (sql: string) => adminSql(adminUrl, sql);
const q = async <R,>(sql: string) => (await client.query(sql)).rows as R[];

/** Digest of the stored territories of every demande, demandeur and piece. */
async function territoires(): Promise<string> {
  const rows = await q<{ t: string }>(`
    select 'demande' t, id, departements from demande union all
    select 'demandeur', id, departements from demandeur union all
    select 'justificatif', id, departements from justificatif order by 1, 2`);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

beforeAll(async () => {
  await admin(`drop database if exists "${nom}" with (force)`);
  await admin(`create database "${nom}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${nom}`;
  orm = await MikroORM.init(ormConfig(u.toString(), { pool: { min: 0, max: 2 } }));
  await orm.getMigrator().up();
  await seedDemo(orm.em.fork(), { storage: new LocalStorage(dataDir), now: NOW });
  client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  await seedVolume(client, { demandeurs: 3000, candidatures: 12_000, offres: 120, justificatifs: 40_000, now: NOW, log: () => {} });
}, 240_000);

afterAll(async () => {
  await client?.end();
  await orm?.close(true);
  await admin(`drop database if exists "${nom}" with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('seedVolume', () => {
  it('VOLUME-SEED-TERRITOIRES: the stored territories filled set-based are what the triggers give, and the triggers are on again', async () => {
    const off = await q<{ tgname: string }>(`select tgname from pg_trigger where tgname = any('{${TRIGGERS_TERRITOIRES.map((t) => t[1]).join(',')}}') and tgenabled <> 'O'`);
    expect(off).toEqual([]);
    expect((await q<{ n: number }>(`select count(*)::int n from pg_trigger where tgname = any('{${TRIGGERS_TERRITOIRES.map((t) => t[1]).join(',')}}')`))[0].n)
      .toBe(TRIGGERS_TERRITOIRES.length);
    // Not vacuous: most demandes, demandeurs and pieces of the volume are in some département.
    const [c] = await q<{ d: number; dr: number; j: number; jv: number }>(`select
      (select count(*)::int from demande where reference like 'DEM-V-%' and departements <> '{}') d,
      (select count(*)::int from demandeur where departements <> '{}') dr,
      (select count(*)::int from justificatif where departements <> '{}') j,
      (select count(*)::int from justificatif) jv`);
    expect(c.d).toBeGreaterThan(2000);
    expect(c.dr).toBeGreaterThan(2000);
    expect(c.j).toBeGreaterThan(c.jv / 2);

    const avant = await territoires();
    await client.query('begin');
    await client.query(`select als_recalculer_departements((select array_agg(id) from demande), (select array_agg(id) from demandeur))`);
    const apres = await territoires();
    await client.query('rollback');
    expect(apres).toBe(avant);
    // And the pieces are their demande's, as the justificatif trigger gives them.
    const [{ n }] = await q<{ n: number }>(`select count(*)::int n from justificatif j join demande d on d.id = j.demande_id where j.departements is distinct from d.departements`);
    expect(n).toBe(0);
  });
});
