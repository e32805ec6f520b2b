import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';
import { entities } from './entities';
import { MIGRATIONS } from './migrationsList';

const here = path.dirname(fileURLToPath(import.meta.url));

// Raw rows (list queries) carry API-ready values: DATE as 'YYYY-MM-DD', NUMERIC and COUNT as numbers
// (counts stay far below 2^53). Set here because every process that talks to the database loads this file.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(1700, (v: string) => Number(v));
pg.types.setTypeParser(20, (v: string) => Number(v));

/** The one ORM configuration, for the app, the tests and the migration CLI. */
export function ormConfig(clientUrl: string, extra: Partial<Options> = {}): Options {
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
    pool: { min: 0, max: Number(process.env.DB_POOL_MAX ?? 10) },
    debug: process.env.DEBUG_SQL === '1',
    ...extra,
  });
}

// Used by the MikroORM CLI only (npm run migration:create).
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/als_dev');
