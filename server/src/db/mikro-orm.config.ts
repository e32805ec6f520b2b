import { DefaultLogger, defineConfig, type LoggerNamespace, type Options } from '@mikro-orm/postgresql';
import { logger } from '@server/logger';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';
import { reglagesBase } from '@server/config';
import { entities } from './entities';
import { MIGRATIONS } from './migrationsList';

const here = path.dirname(fileURLToPath(import.meta.url));

// Raw rows (list queries) carry API-ready values: DATE as 'YYYY-MM-DD', NUMERIC and COUNT as numbers
// (counts stay far below 2^53). Set here because every process that talks to the database loads this file.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(1700, (v: string) => Number(v));
pg.types.setTypeParser(20, (v: string) => Number(v));

const DEBUG_SQL: LoggerNamespace[] | false =
  process.env.DEBUG_SQL === 'params' ? ['query', 'query-params'] : process.env.DEBUG_SQL === '1' ? ['query'] : false;

/**
 * The one ORM configuration, for the app, the tests and the migration CLI. Every wait is bounded
 * (config.ts ReglagesBase): a free pooled connection (knex `acquireConnectionTimeout`), a row lock
 * (`lock_timeout`) and a statement (`statement_timeout`), both sent by `pg` in the start-up packet of
 * every connection of the pool, so they hold inside every transaction too. `extra.pool` (tests)
 * replaces the pool size only: the timeouts live in `driverOptions`.
 */
export function ormConfig(clientUrl: string, extra: Partial<Options> = {}): Options {
  const b = reglagesBase();
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      path: path.join(here, 'migrations'),
      // The CLI (migration:create) reads `path`; running uses the static list.
      ...(process.env.MIKRO_ORM_CLI_CONFIG ? { glob: '!(*.d).{js,ts}' } : { migrationsList: MIGRATIONS }),
      transactional: true,
      silent: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    forceUtcTimezone: true,
    // Replicas (DATABASE_REPLICA_URLS) are read only where a use case asks for it (db/lecture.ts: lists,
    // counts, statistics, exports), never implicitly: an em.find outside a transaction stays on the
    // primary, so a session or a row written a moment ago is always found (replicas lag).
    preferReadReplicas: false,
    pool: { min: 0, max: b.poolMax },
    driverOptions: {
      acquireConnectionTimeout: b.acquireTimeoutMs,
      connection: {
        lock_timeout: b.lockTimeoutMs, statement_timeout: b.statementTimeoutMs,
        // DATABASE_APP_ROLE: the app's own rights (append-only audit log), from the first statement on.
        ...(b.roleApplication ? { options: `-c role=${b.roleApplication}` } : {}),
      },
    },
    // Through the server's logger at debug level only; SQL values only when DEBUG_SQL=params (never at info).
    debug: DEBUG_SQL,
    loggerFactory: (o) => new DefaultLogger({ ...o, writer: (message) => logger.debug({ orm: true }, message) }),
    ...extra,
  });
}

/**
 * The `replicas` option of MikroORM for DATABASE_REPLICA_URLS (config.ts urlsReplicas): each replica
 * gets the primary's pool size and timeouts (`driverOptions`), copied by MikroORM.
 */
export function ormReplicas(urls: string[]): Partial<Options> {
  return urls.length ? { replicas: urls.map((clientUrl, i) => ({ name: `replique-${i + 1}`, clientUrl })) } : {};
}

/**
 * For running the migrations only: one connection, no lock or statement timeout (a migration may
 * wait for a table lock behind the replicas' short transactions, or rewrite a large table).
 */
export function ormConfigMigrations(clientUrl: string): Options {
  return ormConfig(clientUrl, { pool: { min: 0, max: 1 }, driverOptions: { connection: { lock_timeout: 0, statement_timeout: 0 } } });
}

// Used by the MikroORM CLI only (npm run migration:create).
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/als_dev');
