import { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@server/app';
import { ormConfig } from '@server/db/mikro-orm.config';
import { purgerLimites } from '@server/jobs/purgeLimites';
import { CacheClassements } from '@server/modules/offres/classementCache';
import { bearer, login, testContext, urlDeBase, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';
import { requetesPendant } from '@test/support/requetes';

/**
 * Issue #19: a classement is kept by the process that built it and served again only while it is
 * exact (offres/classementCache.ts, migration classement_marques). `t.app` and `replique` keep them
 * (two replicas: own ORM, pool and cache); `temoin` keeps none and says what the classement is now.
 */
const t = useTestApp();
let replique: { orm: MikroORM; app: Express };
let temoin: Express;
let token: string;

beforeAll(async () => {
  const a = await createAgent(t.orm, 'conseiller', ['69'], 'classement-cache');
  token = await login(t.app, a.email, a.password);
  const orm = await MikroORM.init(ormConfig(urlDeBase(), { pool: { min: 0, max: 4 } }));
  replique = { orm, app: createApp(testContext(orm, t.clock, t.storage)) };
  const ctx = testContext(t.orm, t.clock, t.storage);
  temoin = createApp({ ...ctx, config: { ...ctx.config, classementCacheOctets: 0 } });
});
afterAll(async () => {
  await replique?.orm.close(true);
});

const sql = () => t.orm.em.fork().getConnection();

async function classement(app: Express, offreId: number): Promise<string> {
  const r = await request(app).get(`/api/offres/${offreId}/classement`).set(bearer(token));
  expect(r.status).toBe(200);
  return r.text;
}

/** How many times the classement's JSON is built by PostgreSQL while `f` runs. */
async function constructions(f: () => Promise<unknown>): Promise<number> {
  return (await requetesPendant(t.orm, f)).filter((q) => q.includes('string_agg(row_to_json(x)')).length;
}

async function offreATroisDossiers() {
  const offreId = await creerOffre(t.orm);
  const dossiers = [];
  for (let i = 0; i < 3; i++) dossiers.push(await creerDossier(t.orm, { offreId, dateCandidature: new Date(Date.UTC(2026, 9, 1 + i, 8)) }));
  return { offreId, dossiers };
}

describe('VOLUME-CLASSEMENT-CACHE: a kept classement is served only while it is exact', () => {
  it('VOLUME-CLASSEMENT-CACHE: read again with nothing changed, the classement is served as kept, not rebuilt', async () => {
    const { offreId } = await offreATroisDossiers();
    let premier = '';
    let second = '';
    expect(await constructions(async () => (premier = await classement(t.app, offreId)))).toBe(1);
    expect(await constructions(async () => (second = await classement(t.app, offreId)))).toBe(0);
    expect(second).toBe(premier);
    expect(JSON.parse(second)).toHaveLength(3);
    // Its access is traced each time, kept or not (DATA-TRACES), with the rows' count.
    const traces = await sql().execute<{ nombre: number }[]>(`select nombre from trace_acces where ressource = 'classement' and entite_id = ? order by id`, [offreId]);
    expect(traces.map((r) => r.nombre)).toEqual([3, 3]);
  });

  it('VOLUME-CLASSEMENT-CACHE: every write that changes a classement is seen by the next read, on the replica that kept it and on another', async () => {
    const { offreId, dossiers } = await offreATroisDossiers();
    const autreOffre = await creerOffre(t.orm);
    await creerDossier(t.orm, { offreId: autreOffre });
    const [d1, d2, d3] = dossiers;
    const ecritures: [string, () => Promise<unknown>][] = [
      ['palier', () => sql().execute(`update candidature set palier = palier + 1 where id = ?`, [d1.candidatureId])],
      ['prise en charge', () => request(t.app).post(`/api/candidatures/${d2.candidatureId}/prendre`).set(bearer(token)).send({})],
      ['date', () => sql().execute(`update candidature set date_candidature = date_candidature - interval '30 days' where id = ?`, [d3.candidatureId])],
      ['référence', () => sql().execute(`update candidature set reference = reference || '-B' where id = ?`, [d3.candidatureId])],
      ['nom du demandeur', () => sql().execute(`update demandeur set nom = 'Zoé-Renommée' where id = ?`, [d1.demandeurId])],
      ['prénom du demandeur', () => sql().execute(`update demandeur set prenom = 'Éloïse' where id = ?`, [d2.demandeurId])],
      ['nouvelle candidature', () => creerDossier(t.orm, { offreId, dateCandidature: new Date(Date.UTC(2026, 8, 1, 8)) })],
      ['statut fermé', () => sql().execute(`update candidature set statut = 'non_retenue' where id = ?`, [d1.candidatureId])],
      ['rouverte', () => sql().execute(`update candidature set statut = 'en_instruction' where id = ?`, [d1.candidatureId])],
      ['changée d’offre', () => sql().execute(`update candidature set offre_id = ? where id = ?`, [autreOffre, d3.candidatureId])],
      ['supprimée', () => sql().execute(`delete from candidature where id = ?`, [d3.candidatureId])],
      ['nature de l’offre', () => sql().execute(`update offre set nature = 'courte_duree' where id = ?`, [offreId])],
    ];
    // Both replicas keep both offers' classements before each write.
    let avant = await classement(temoin, offreId);
    for (const [quoi, ecrire] of ecritures) {
      for (const app of [t.app, replique.app]) for (const o of [offreId, autreOffre]) await classement(app, o);
      const autreAvant = await classement(temoin, autreOffre);
      const r = await ecrire();
      if (r && typeof r === 'object' && 'status' in r) expect((r as { status: number }).status, quoi).toBeLessThan(300);
      const maintenant = await classement(temoin, offreId);
      const autreMaintenant = await classement(temoin, autreOffre);
      expect(maintenant !== avant || autreMaintenant !== autreAvant, `${quoi} : l’écriture change un classement`).toBe(true);
      for (const app of [t.app, replique.app]) {
        expect(await classement(app, offreId), `${quoi} : offre`).toBe(maintenant);
        expect(await classement(app, autreOffre), `${quoi} : autre offre`).toBe(autreMaintenant);
      }
      avant = maintenant;
    }
  });

  it('VOLUME-CLASSEMENT-CACHE: a write still running while the classement was built is seen once it commits', async () => {
    const { offreId, dossiers } = await offreATroisDossiers();
    const client = new pg.Client({ connectionString: urlDeBase() });
    await client.connect();
    let pendant = '';
    try {
      await client.query('begin');
      await client.query(`update candidature set palier = palier + 2 where id = $1`, [dossiers[0].candidatureId]);
      // A later transaction ends meanwhile: the writer is below the snapshot's xmax, in its list of running ones.
      await sql().execute(`select pg_current_xact_id()`);
      // Built and kept while that transaction runs: it cannot see the change.
      pendant = await classement(t.app, offreId);
      expect(await classement(temoin, offreId)).toBe(pendant);
      await client.query('commit');
    } finally {
      await client.end();
    }
    const apres = await classement(temoin, offreId);
    expect(apres).not.toBe(pendant);
    expect(await classement(t.app, offreId)).toBe(apres);
    expect(JSON.parse(apres)[2].candidatureId).toBe(dossiers[0].candidatureId);
  });

  it('VOLUME-CLASSEMENT-CACHE: reads racing writes on two replicas, 25 rounds: once the writes are committed, both serve what the classement is', async () => {
    const { offreId, dossiers } = await offreATroisDossiers();
    const ids = dossiers.map((d) => d.candidatureId);
    for (let ronde = 0; ronde < 25; ronde++) {
      const lectures = Array.from({ length: 6 }, (_, i) => classement(i % 2 ? replique.app : t.app, offreId));
      const ecritures = ids.map((id, i) => (i === ronde % 3
        ? sql().execute(`update candidature set palier = 1 + (palier % 4) where id = ?`, [id])
        : sql().execute(`update candidature set date_candidature = date_candidature + interval '1 second' where id = ?`, [id])));
      await Promise.all([...lectures, ...ecritures, ...lectures.map(async (l) => l.then(() => classement(replique.app, offreId)))]);
      const maintenant = await classement(temoin, offreId);
      expect(await classement(t.app, offreId), `ronde ${ronde + 1}`).toBe(maintenant);
      expect(await classement(replique.app, offreId), `ronde ${ronde + 1}`).toBe(maintenant);
    }
  });

  it('VOLUME-CLASSEMENT-CACHE: a write rolled back leaves the kept classement served', async () => {
    const { offreId, dossiers } = await offreATroisDossiers();
    const garde = await classement(t.app, offreId);
    const client = new pg.Client({ connectionString: urlDeBase() });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`update candidature set palier = palier + 2 where id = $1`, [dossiers[0].candidatureId]);
      await client.query('rollback');
    } finally {
      await client.end();
    }
    expect(await constructions(async () => expect(await classement(t.app, offreId)).toBe(garde))).toBe(0);
  });

  it('VOLUME-CLASSEMENT-CACHE: the hourly purge deletes the marks of finished transactions and moves the epoch; kept classements are rebuilt once', async () => {
    const { offreId, dossiers } = await offreATroisDossiers();
    await sql().execute(`update candidature set palier = palier + 1 where id = ?`, [dossiers[1].candidatureId]);
    const garde = await classement(t.app, offreId);
    const [{ avant }] = await sql().execute<{ avant: string }[]>(`select epoque::text as avant from classement_epoque`);
    const r = await purgerLimites(t.orm.em.fork(), new Date());
    expect(r.marquesClassement).toBeGreaterThan(0);
    const [{ apres, restantes }] = await sql().execute<{ apres: string; restantes: number }[]>(
      `select epoque::text as apres, (select count(*)::int from classement_marque where offre_id = ?) as restantes from classement_epoque`, [offreId]);
    expect(apres).not.toBe(avant);
    expect(restantes).toBe(0);
    expect(await constructions(async () => expect(await classement(t.app, offreId)).toBe(garde))).toBe(1);
    expect(await constructions(async () => expect(await classement(t.app, offreId)).toBe(garde))).toBe(0);
  });

  it('VOLUME-CLASSEMENT-CACHE: the purge keeps the marks of a transaction still running', async () => {
    const { offreId, dossiers } = await offreATroisDossiers();
    const client = new pg.Client({ connectionString: urlDeBase() });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`update candidature set palier = palier + 1 where id = $1`, [dossiers[1].candidatureId]);
      await purgerLimites(t.orm.em.fork(), new Date());
      const { rows } = await client.query(`select count(*)::int as n from classement_marque where offre_id = $1`, [offreId]);
      expect(rows[0].n).toBe(1);
      await client.query('commit');
    } finally {
      await client.end();
    }
  });

  it('VOLUME-CLASSEMENT-CACHE: an agent never meets a classement he may not read, kept or not (404 for an offer outside his territories)', async () => {
    const { offreId } = await offreATroisDossiers();
    await classement(t.app, offreId);
    const horsTerritoire = await createAgent(t.orm, 'conseiller', ['2A'], 'classement-cache-2a');
    const autreToken = await login(t.app, horsTerritoire.email, horsTerritoire.password);
    const r = await request(t.app).get(`/api/offres/${offreId}/classement`).set(bearer(autreToken));
    expect(r.status).toBe(404);
  });
});

describe('VOLUME-CLASSEMENT-CACHE: the kept classements stay within their bytes', () => {
  const g = (octets: number) => ({ corps: Buffer.alloc(octets), instantane: '1:1:', epoque: '1' });
  it('VOLUME-CLASSEMENT-CACHE: the least recently read goes first; an answer larger than the bound is not kept; 0 keeps none', () => {
    const c = new CacheClassements(300);
    c.garder('a', g(100));
    c.garder('b', g(100));
    c.garder('c', g(100));
    expect(c.lire('a')).toBeDefined();
    c.garder('d', g(100));
    expect(c.lire('b')).toBeUndefined();
    expect(['a', 'c', 'd'].every((k) => c.lire(k))).toBe(true);
    expect(c.taille).toEqual({ entrees: 3, octets: 300 });
    c.garder('e', g(301));
    expect(c.lire('e')).toBeUndefined();
    c.garder('a', g(50));
    expect(c.taille).toEqual({ entrees: 3, octets: 250 });
    const rien = new CacheClassements(0);
    rien.garder('a', g(1));
    expect(rien.taille).toEqual({ entrees: 0, octets: 0 });
  });
});
