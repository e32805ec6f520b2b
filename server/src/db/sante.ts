import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The database probe of `/api/health`: its own tiny pg pool (2 connections at most, 1 s to connect,
 * 1 s per query), never the app's pool. A load balancer's probe must answer while the app's pool is
 * saturated by a storm of requests (they wait for their turn, bounded, http/problem.ts), and must
 * say "down" quickly while PostgreSQL is out of reach, then "up" again as soon as it is back, without
 * a restart: a pg pool drops a broken client and connects afresh on the next probe.
 *
 * One probe per ORM (same server, same credentials: `clientUrl`), made on the first probe.
 */
const sondes = new WeakMap<MikroORM, pg.Pool>();

export const SONDE_DELAI_MS = 1000;

function sondeDe(orm: MikroORM): pg.Pool {
  let pool = sondes.get(orm);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: orm.config.getClientUrl(),
      max: 2,
      connectionTimeoutMillis: SONDE_DELAI_MS,
      query_timeout: SONDE_DELAI_MS,
      statement_timeout: SONDE_DELAI_MS,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      application_name: 'als-sante',
    });
    // An idle client whose server went away emits 'error': the pool drops it; nothing else to do.
    pool.on('error', () => undefined);
    sondes.set(orm, pool);
  }
  return pool;
}

/** True when PostgreSQL answered `select 1` within the probe's delays. */
export async function baseRepond(orm: MikroORM): Promise<boolean> {
  try {
    await sondeDe(orm).query('select 1');
    return true;
  } catch {
    return false;
  }
}

/** Closes the probe's pool (tests, shutdown); the next probe opens a new one. */
export async function fermerSonde(orm: MikroORM): Promise<void> {
  const pool = sondes.get(orm);
  sondes.delete(orm);
  await pool?.end();
}

/**
 * Issue #16: is the communes referential loaded? A fresh production database has none until
 * `npm run communes:import`, and every demande is then refused with COMMUNE_INCONNUE: the start
 * log and `/api/health` say so. Once loaded it stays loaded (remembered); while empty it is asked
 * again at most every 30 s, inside the probe's own query (one round trip either way). `null` when
 * the database did not answer.
 */
const communesConnues = new WeakMap<MikroORM, { chargees: boolean; le: number }>();
export const COMMUNES_RELECTURE_MS = 30_000;

export async function communesChargees(orm: MikroORM, maintenant = Date.now()): Promise<boolean | null> {
  const connu = communesConnues.get(orm);
  if (connu && (connu.chargees || maintenant - connu.le < COMMUNES_RELECTURE_MS)) return connu.chargees;
  try {
    const r = await sondeDe(orm).query<{ chargees: boolean }>('select exists (select 1 from commune) as chargees');
    const chargees = r.rows[0]?.chargees === true;
    communesConnues.set(orm, { chargees, le: maintenant });
    return chargees;
  } catch {
    return null;
  }
}

/** The health probe: the database answers (one query), and whether its communes are loaded. */
export async function sonder(orm: MikroORM): Promise<{ database: boolean; communes: boolean | null }> {
  const connu = communesConnues.get(orm);
  if (connu?.chargees) return { database: await baseRepond(orm), communes: true };
  const communes = await communesChargees(orm);
  if (communes !== null) return { database: true, communes };
  return { database: await baseRepond(orm), communes: null };
}

export const AVERTISSEMENT_COMMUNES =
  'Le référentiel des communes est vide : toute demande sera refusée (COMMUNE_INCONNUE). Importez-le avec « npm run communes:import -- <fichier.csv> » (README, « Going to production »).';
