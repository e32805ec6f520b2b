/**
 * Issue #12 (infrastructure): every wait on the database is bounded and answers a clear
 * problem+json — never a hang, never a 500. A pooled connection (DATABASE_ACQUIRE_TIMEOUT_MS), a
 * row lock (`lock_timeout`, DATABASE_LOCK_TIMEOUT_MS), a statement (`statement_timeout`,
 * DATABASE_STATEMENT_TIMEOUT_MS); the pool size is DATABASE_POOL_MAX.
 */
import express from 'express';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '@server/app';
import { reglagesBase } from '@server/config';
import { ormConfigMigrations } from '@server/db/mikro-orm.config';
import { errorHandler } from '@server/http/problem';
import { MikroORM as Orm } from '@mikro-orm/postgresql';
import { createAgent } from '@test/support/agents';
import { bearer, login, testContext, useTestApp } from '@test/support/app';
import { hoteDe, ormAvec, RelaisTcp } from '@test/support/concurrence';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp('isolee');
const ouverts: MikroORM[] = [];
const orm = async (...a: Parameters<typeof ormAvec>) => {
  const o = await ormAvec(...a);
  ouverts.push(o);
  return o;
};
afterAll(async () => {
  for (const o of ouverts) await o.close(true);
});

let jeton = '';
beforeAll(async () => {
  const a = await createAgent(t.orm, 'conseiller', ['69'], 'attentes');
  jeton = await login(t.app, a.email, a.password);
});

/** A separate PostgreSQL session (another agent, another replica) that holds a row lock until released. */
async function verrouTenu(sql: string, params: unknown[]) {
  const c = new pg.Client({ connectionString: inject('databaseUrlIsolee') });
  await c.connect();
  await c.query('begin');
  await c.query(sql, params);
  return async () => {
    await c.query('rollback');
    await c.end();
  };
}

const prendre = (app: express.Express, id: number) => request(app).post(`/api/candidatures/${id}/prendre`).set(bearer(jeton)).send({}).timeout(15_000);

function problemeAttendu(r: request.Response, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(r.body.code).toBe(code);
  expect(r.body.status).toBe(status);
  if (status === 503) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
}

describe('issue #12: bounded database waits', () => {
  it('DATABASE_POOL_MAX and the three timeouts come from the environment (defaults 10, 5000, 5000, 30000 ms); bad values stop the start', async () => {
    expect(reglagesBase({})).toEqual({ poolMax: 10, acquireTimeoutMs: 5000, lockTimeoutMs: 5000, statementTimeoutMs: 30_000 });
    expect(reglagesBase({ DB_POOL_MAX: '7' }).poolMax).toBe(7); // the former name still works
    expect(() => reglagesBase({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => reglagesBase({ DATABASE_LOCK_TIMEOUT_MS: 'cinq' })).toThrow(/DATABASE_LOCK_TIMEOUT_MS/);
    expect(reglagesBase({ DATABASE_LOCK_TIMEOUT_MS: '0' }).lockTimeoutMs).toBe(0);

    // The app's pool as ormConfig builds it: its size, and the timeouts on each of its connections, inside a transaction too.
    const o = await orm({ DATABASE_POOL_MAX: '3', DATABASE_ACQUIRE_TIMEOUT_MS: '1234', DATABASE_LOCK_TIMEOUT_MS: '700', DATABASE_STATEMENT_TIMEOUT_MS: '9000' }, null);
    const knex = o.em.getConnection().getKnex() as unknown as { client: { pool: { max: number }; config: { acquireConnectionTimeout: number } } };
    expect(knex.client.pool.max).toBe(3);
    expect(knex.client.config.acquireConnectionTimeout).toBe(1234);
    const reglages = await o.em.fork().transactional((tx) =>
      tx.execute<{ lock_timeout: string; statement_timeout: string }[]>(`select current_setting('lock_timeout') as lock_timeout, current_setting('statement_timeout') as statement_timeout`),
    );
    expect(reglages[0]).toEqual({ lock_timeout: '700ms', statement_timeout: '9s' });

    // The defaults, on the pool every test app uses.
    const [d] = await t.orm.em.fork().execute<{ l: string; s: string }[]>(`select current_setting('lock_timeout') as l, current_setting('statement_timeout') as s`);
    expect(d).toEqual({ l: '5s', s: '30s' });

    // Migrations run without them (a migration may wait for a table lock or rewrite a large table).
    const m = await Orm.init(ormConfigMigrations(inject('databaseUrlIsolee')));
    try {
      const [x] = await m.em.fork().execute<{ l: string; s: string }[]>(`select current_setting('lock_timeout') as l, current_setting('statement_timeout') as s`);
      expect(x).toEqual({ l: '0', s: '0' });
    } finally {
      await m.close(true);
    }
  });

  /** « Je prends le dossier » on an app with these timeouts while another session holds the candidature's row lock. */
  async function prendreSousVerrou(env: Record<string, string>) {
    const app = createApp(testContext(await orm(env), t.clock, t.storage));
    const offreId = await creerOffre(t.orm);
    const { candidatureId } = await creerDossier(t.orm, { offreId, statut: 'en_instruction' });
    const liberer = await verrouTenu(`select id from candidature where id = $1 for update`, [candidatureId]);
    const t0 = performance.now();
    let r: request.Response;
    try {
      r = await prendre(app, candidatureId);
    } finally {
      await liberer();
    }
    return { r, ms: performance.now() - t0, app, candidatureId };
  }

  it('a row lock held by another session: 503 VERROU_INDISPONIBLE with Retry-After after lock_timeout, well before statement_timeout; served once the lock is gone', async () => {
    const { r, ms, app, candidatureId } = await prendreSousVerrou({ DATABASE_LOCK_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '10000' });
    problemeAttendu(r, 503, 'VERROU_INDISPONIBLE');
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(4000);
    expect((await prendre(app, candidatureId)).status).toBe(200);
  });

  it('a statement that runs past statement_timeout (here a lock wait with lock_timeout off): 503 DELAI_DEPASSE with Retry-After', async () => {
    const { r, ms } = await prendreSousVerrou({ DATABASE_LOCK_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: '600' });
    problemeAttendu(r, 503, 'DELAI_DEPASSE');
    expect(ms).toBeLessThan(4000);
  });

  it('every pooled connection busy: the next request waits DATABASE_ACQUIRE_TIMEOUT_MS at most, then 503 SERVICE_OCCUPE with Retry-After (not 60 s, not a 500)', async () => {
    const o = await orm({ DATABASE_ACQUIRE_TIMEOUT_MS: '400' }, { min: 0, max: 1 });
    const app = createApp(testContext(o, t.clock, t.storage));
    expect((await request(app).get('/api/auth/me').set(bearer(jeton))).status).toBe(200);
    let rendre!: () => void;
    const tenue = new Promise<void>((ok) => (rendre = ok));
    const occupe = o.em.fork().transactional(async (tx) => {
      await tx.execute('select 1');
      await tenue; // the pool's one connection stays taken
    });
    try {
      const t0 = performance.now();
      const r = await request(app).get('/api/auth/me').set(bearer(jeton)).timeout(15_000);
      const ms = performance.now() - t0;
      problemeAttendu(r, 503, 'SERVICE_OCCUPE');
      expect(ms).toBeLessThan(3000);
    } finally {
      rendre();
      await occupe;
    }
    expect((await request(app).get('/api/auth/me').set(bearer(jeton))).status).toBe(200);
  });

  it('the SQLSTATEs PostgreSQL raises, through the one error handler: 40P01 and 40001 → 409 CONFLIT_CONCURRENT; 55P03, 57014 → 503; an unreachable server → 503 BASE_INDISPONIBLE', async () => {
    const app = express();
    app.get('/etat/:code', async (req, res) => {
      await t.orm.em.fork().execute(`do $$ begin raise exception 'essai' using errcode = '${req.params.code.replace(/[^0-9A-Z]/g, '')}'; end $$`);
      res.json({});
    });
    const relais = new RelaisTcp(hoteDe(inject('databaseUrlIsolee')));
    await relais.ouvrir();
    const injoignable = await orm({}, { min: 0, max: 1 }, relais.url(inject('databaseUrlIsolee')));
    await relais.couper(); // PostgreSQL out of reach for this pool
    app.get('/injoignable', async (_req, res) => {
      await injoignable.em.fork().execute('select 1');
      res.json({});
    });
    app.get('/stockage', () => {
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }); // the file storage or the mail, not PostgreSQL
    });
    app.use(errorHandler);
    problemeAttendu(await request(app).get('/etat/40P01'), 409, 'CONFLIT_CONCURRENT');
    problemeAttendu(await request(app).get('/etat/40001'), 409, 'CONFLIT_CONCURRENT');
    problemeAttendu(await request(app).get('/etat/55P03'), 503, 'VERROU_INDISPONIBLE');
    problemeAttendu(await request(app).get('/etat/57014'), 503, 'DELAI_DEPASSE');
    problemeAttendu(await request(app).get('/injoignable'), 503, 'BASE_INDISPONIBLE');
    expect((await request(app).get('/etat/22012')).status).toBe(500); // anything else stays an internal error
    expect((await request(app).get('/stockage')).status).toBe(500);
  });
});
