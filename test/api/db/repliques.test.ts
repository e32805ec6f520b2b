/**
 * SCALE-REPLICA (issue #16): with DATABASE_REPLICA_URLS, lists, tab counters, the managers'
 * statistics and export cursors read from a replica; every write, and every read inside a write's
 * transaction (an action's `select … for update`), goes to the primary.
 *
 * The "replica" is a second database on the same PostgreSQL: a template copy of the test database
 * (no streaming here: a frozen copy is a replica with infinite lag, which is what makes the reads
 * tell where they were served from). One candidature is then changed in the replica only
 * (`annulee`), while it is still `deposee` and free on the primary.
 */
import request from 'supertest';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '@server/config';
import { createApp } from '@server/app';
import { openDatabase, type Database } from '@server/db/database';
import { ormConfig } from '@server/db/mikro-orm.config';
import { fermerSonde } from '@server/db/sante';
import { parCurseur } from '@server/modules/exports/curseur';
import type { Express } from 'express';
import { createAgent } from '@test/support/agents';
import { bearer, FakeClock, login, testContext, urlDeBase } from '@test/support/app';
import { creerDossier, creerOffre } from '@test/support/fixtures';
import { copierBase, dropDatabase } from '@test/support/testDatabase';
import { testStorage } from '@test/support/storage';

const clock = new FakeClock();
let db: Database;
let app: Express;
let urlReplique: string;
let nomReplique: string;
let candidatureId: number;
let conseiller: { id: number; token: string };
let managerToken: string;

const sql = async <T>(url: string, texte: string, params: unknown[] = []): Promise<T[]> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(texte, params)).rows as T[];
  } finally {
    await c.end();
  }
};

beforeAll(async () => {
  const primaire = urlDeBase();
  // Fixtures on the primary, before the copy: the replica starts identical.
  const orm = await MikroORM.init(ormConfig(primaire, { pool: { min: 0, max: 2 } }));
  const agentConseiller = await createAgent(orm, 'conseiller', ['69'], 'replique');
  const agentManager = await createAgent(orm, 'manager', [], 'replique');
  const offreId = await creerOffre(orm);
  ({ candidatureId } = await creerDossier(orm, { offreId, statut: 'deposee' }));
  await orm.close(true);

  const source = decodeURIComponent(new URL(primaire).pathname.slice(1));
  nomReplique = `${source}_replique`;
  // CREATE DATABASE … TEMPLATE needs the source without sessions; the previous file's pools may take a moment to go.
  for (let essai = 0; ; essai++) {
    try {
      urlReplique = await copierBase(inject('adminDatabaseUrl'), source, nomReplique);
      break;
    } catch (e) {
      if (essai >= 20 || !/being accessed/.test(String(e))) throw e;
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  await sql(urlReplique, `update candidature set statut = 'annulee', motif = 'réplique seulement' where id = $1`, [candidatureId]);

  // The app as runServer opens it: the configuration loader, then openDatabase.
  const config = loadConfig({ DATABASE_URL: primaire, DATABASE_REPLICA_URLS: ` ${urlReplique} ` });
  db = await openDatabase({ databaseUrl: config.databaseUrl, replicaUrls: config.databaseReplicaUrls, dataDir: inject('dataDir') });
  app = createApp(testContext(db.orm, clock, testStorage()));
  conseiller = { id: agentConseiller.id, token: await login(app, agentConseiller.email, agentConseiller.password) };
  managerToken = await login(app, agentManager.email, agentManager.password);
});

afterAll(async () => {
  if (db) {
    await fermerSonde(db.orm);
    await db.close();
  }
  if (nomReplique) await dropDatabase(inject('adminDatabaseUrl'), nomReplique);
});

describe('SCALE-REPLICA: DATABASE_REPLICA_URLS', () => {
  it('SCALE-REPLICA: the configuration loader reads the comma-separated list and refuses what is not a postgres URL', () => {
    expect(loadConfig({}).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ DATABASE_REPLICA_URLS: 'postgres://a@h1/db, postgresql://b@h2/db ,' }).databaseReplicaUrls).toEqual([
      'postgres://a@h1/db',
      'postgresql://b@h2/db',
    ]);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://a@h1/db,mysql://secret@h2/db' })).toThrow(/élément n° 2/);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://a@h1/db,mysql://secret@h2/db' })).not.toThrow(/secret/);
  });

  it('SCALE-REPLICA: /api/health says how many replicas this process reads from', async () => {
    const r = await request(app).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: 'up', replicas: 1 });
  });

  it('SCALE-REPLICA: a list is served by the replica; the action (its lock read, its write) runs on the primary', async () => {
    const liste = () =>
      request(app).get('/api/candidatures').query({ filter: JSON.stringify({ id: [candidatureId] }) }).set(bearer(conseiller.token));
    const avant = await liste();
    expect(avant.status).toBe(200);
    expect(avant.body).toHaveLength(1);
    expect(avant.body[0]).toMatchObject({ id: candidatureId, statut: 'annulee' }); // the replica's value
    expect(avant.headers['content-range']).toBe('candidatures 0-0/1');

    // « Prendre » locks and reads the candidature in its transaction: on the replica it is annulee
    // (409 TRANSITION_INTERDITE), on the primary deposee and free (200).
    const pris = await request(app).post(`/api/candidatures/${candidatureId}/prendre`).set(bearer(conseiller.token)).send({});
    expect(pris.status, JSON.stringify(pris.body)).toBe(200);
    expect(pris.body).toMatchObject({ id: candidatureId, statut: 'deposee', agentEnChargeId: conseiller.id }); // answered from the primary

    const [p] = await sql<{ statut: string; agent_en_charge_id: number | null }>(urlDeBase(), 'select statut, agent_en_charge_id from candidature where id = $1', [candidatureId]);
    expect(p).toEqual({ statut: 'deposee', agent_en_charge_id: conseiller.id });
    const [r] = await sql<{ statut: string; agent_en_charge_id: number | null }>(urlReplique, 'select statut, agent_en_charge_id from candidature where id = $1', [candidatureId]);
    expect(r).toEqual({ statut: 'annulee', agent_en_charge_id: null }); // nothing was written there
    const audit = (url: string) => sql(url, `select 1 from audit_event where entite = 'candidature' and entite_id = $1 and action = 'prise_dossier'`, [candidatureId]);
    expect(await audit(urlDeBase())).toHaveLength(1);
    expect(await audit(urlReplique)).toHaveLength(0);

    // The list still reads the (lagging) replica; the tab counters too: « Mes dossiers » is 0 there.
    expect((await liste()).body[0]).toMatchObject({ statut: 'annulee', agentEnChargeId: null });
    const compteurs = await request(app).get('/api/candidatures/compteurs').set(bearer(conseiller.token));
    expect(compteurs.status).toBe(200);
    expect(compteurs.body.mes_dossiers).toBe(0);
  });

  it('SCALE-REPLICA: the managers\' statistics and the export cursor read the replica', async () => {
    const annulees = async (url: string) =>
      (await sql<{ n: number }>(url, `select count(*)::int as n from candidature where statut = 'annulee'`))[0].n;
    const surReplique = await annulees(urlReplique);
    expect(surReplique).toBe((await annulees(urlDeBase())) + 1);
    const s = await request(app).get('/api/statistiques').set(bearer(managerToken));
    expect(s.status).toBe(200);
    expect(s.body.candidatures.parStatut.find((x: { statut: string }) => x.statut === 'annulee').n).toBe(surReplique);

    const lus: string[] = [];
    await parCurseur<{ statut: string }>(db.orm.em.fork(), 'select statut from candidature where id = ?', [candidatureId], 10, (lot) => {
      lus.push(...lot.map((l) => l.statut));
    });
    expect(lus).toEqual(['annulee']);
  });
});
