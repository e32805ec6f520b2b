import { MikroORM } from '@mikro-orm/postgresql';
import { sousVerrouGlobal } from './verrouGlobal';
import path from 'node:path';
import { ormConfig, ormConfigMigrations, ormReplicas } from './mikro-orm.config';
import { startEmbeddedPostgres } from './embedded';


export interface Database {
  orm: MikroORM;
  url: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL under <dataDir>/pg that this
 * process starts and stops. Migrations run every time (they are idempotent).
 */
export async function openDatabase(opts: { databaseUrl?: string; replicaUrls?: string[]; dataDir: string; log?: (m: string) => void }): Promise<Database> {
  const log = opts.log ?? (() => {});
  let url = opts.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres(path.join(opts.dataDir, 'pg'), log);
    url = embedded.url;
    stopEmbedded = embedded.stop;
    log(`Embedded PostgreSQL started on port ${embedded.port}.`);
  }
  // Migrations on their own short-lived connection, without the app's lock and statement timeouts.
  const m = await MikroORM.init(ormConfigMigrations(url));
  try {
    await migrate(m);
  } finally {
    await m.close(true);
  }
  // Read replicas (DATABASE_REPLICA_URLS): migrated by their primary, read through db/lecture.ts only.
  const replicas = opts.replicaUrls ?? [];
  const orm = await MikroORM.init(ormConfig(url, ormReplicas(replicas)));
  if (replicas.length) log(`Lectures (listes, comptes, statistiques, exports) sur ${replicas.length} réplique(s).`);
  return {
    orm,
    url,
    async close() {
      await orm.close(true);
      if (stopEmbedded) await stopEmbedded();
    },
  };
}

/**
 * Runs the pending migrations under a PostgreSQL session advisory lock (verrouGlobal.ts): processes
 * started together (N replicas, a rolling deploy) migrate one after the other, the next ones finding
 * nothing left to do. Without it, two processes on an empty database both create the first tables
 * and one fails (« duplicate key … pg_type_typname_nsp_index »).
 */
export async function migrate(orm: MikroORM) {
  await sousVerrouGlobal(orm.config.getClientUrl(), 'als:migrations', () => orm.getMigrator().up());
}
