import path from 'node:path';
import { secretApplication } from './secret';

/** Configuration from the environment, read once at start (see README, "Configuration"). */
export interface Config {
  databaseUrl?: string;
  /** DATABASE_REPLICA_URLS: read-only PostgreSQL replicas for lists, counts, statistics and exports (db/lecture.ts). */
  databaseReplicaUrls: string[];
  port: number;
  dataDir: string;
  /** Where files live (server/src/storage/create.ts); unset: the local folder dataDir. */
  storageUrl?: string;
  smtpUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Demo mode seeds an empty database and prints the demo logins. Default: on unless NODE_ENV=production. */
  demo: boolean;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** HMAC key of the verification links, key of the bailleur links' tokens waiting in the outbox (APP_SECRET, else DATA_DIR/secret.key): see secret.ts. */
  secret: string;
  /** The app's connection pool and its bounded waits (README, « Concurrence et charge »). */
  base: ReglagesBase;
  /** CLASSEMENT_CACHE_MO: bytes of classements kept by this process (offres/classementCache.ts); 0 keeps none. Unset: 32 MB. */
  classementCacheOctets?: number;
}

/**
 * How long anything may wait on the database. Every wait is bounded so that a saturated pool or
 * a held row lock answers a problem (503 with Retry-After, http/problem.ts) instead of a hang.
 */
export interface ReglagesBase {
  /** DATABASE_POOL_MAX: connections of this process's pool (MikroORM/knex). */
  poolMax: number;
  /** DATABASE_ACQUIRE_TIMEOUT_MS: longest wait for a free pooled connection (then 503 SERVICE_OCCUPE). */
  acquireTimeoutMs: number;
  /** DATABASE_LOCK_TIMEOUT_MS: PostgreSQL `lock_timeout` of every app connection (then 503 VERROU_INDISPONIBLE); 0 = none. */
  lockTimeoutMs: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: PostgreSQL `statement_timeout` of every app connection (then 503 DELAI_DEPASSE); 0 = none. */
  statementTimeoutMs: number;
  /**
   * DATABASE_APP_ROLE: the role every pooled connection of the app takes (`role=` at start), e.g.
   * `als_application`, which the migrations create where the database allows: it may append to the
   * audit log, never rewrite it (issue #14). Unset: the connecting user's own rights.
   */
  roleApplication?: string;
}

/** CLASSEMENT_CACHE_MO when unset. */
export const CLASSEMENT_CACHE_MO_DEFAUT = 32;

function entier(env: NodeJS.ProcessEnv, nom: string, defaut: number, min: number): number {
  const brut = env[nom];
  if (brut === undefined || brut === '') return defaut;
  const n = Number(brut);
  if (!Number.isInteger(n) || n < min) throw new Error(`${nom} doit être un entier ≥ ${min} (reçu « ${brut} »).`);
  return n;
}

function roleApplication(brut: string | undefined): string | undefined {
  if (!brut) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(brut)) throw new Error(`DATABASE_APP_ROLE doit être un nom de rôle PostgreSQL simple (minuscules, chiffres, _), reçu « ${brut} ».`);
  return brut;
}

/** Read by loadConfig and by ormConfig (every process that opens a pool: app, CLI, tests). */
export function reglagesBase(env: NodeJS.ProcessEnv = process.env): ReglagesBase {
  return {
    // DB_POOL_MAX: the former, undocumented name, still honoured.
    poolMax: entier(env, 'DATABASE_POOL_MAX', entier(env, 'DB_POOL_MAX', 10, 1), 1),
    acquireTimeoutMs: entier(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 5000, 1),
    lockTimeoutMs: entier(env, 'DATABASE_LOCK_TIMEOUT_MS', 5000, 0),
    statementTimeoutMs: entier(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0),
    roleApplication: roleApplication(env.DATABASE_APP_ROLE),
  };
}

/**
 * DATABASE_REPLICA_URLS: comma-separated PostgreSQL URLs of read replicas (hot standbys of
 * DATABASE_URL). Empty or unset: none, every query goes to the primary.
 */
export function urlsReplicas(env: NodeJS.ProcessEnv = process.env): string[] {
  const brut = env.DATABASE_REPLICA_URLS ?? '';
  const urls = brut.split(',').map((u) => u.trim()).filter((u) => u !== '');
  for (const u of urls) {
    let ok = false;
    try {
      ok = /^postgres(ql)?:$/.test(new URL(u).protocol);
    } catch {
      ok = false;
    }
    // The URL itself is never printed: it may carry a password.
    if (!ok) throw new Error(`DATABASE_REPLICA_URLS : chaque élément doit être une URL postgres://… (élément n° ${urls.indexOf(u) + 1} invalide).`);
  }
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrls: urlsReplicas(env),
    port: Number(env.PORT ?? 3000),
    dataDir: path.resolve(env.DATA_DIR ?? './.data'),
    storageUrl: env.STORAGE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demo: env.DEMO ? env.DEMO === '1' || env.DEMO === 'true' : !production,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : production,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    secret: secretApplication(env),
    base: reglagesBase(env),
    classementCacheOctets: entier(env, 'CLASSEMENT_CACHE_MO', CLASSEMENT_CACHE_MO_DEFAUT, 0) * 1024 * 1024,
  };
}

/** The clock is injected everywhere a rule reads the time, so tests can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
