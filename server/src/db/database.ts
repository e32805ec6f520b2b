import { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
import { ormConfig } from './mikro-orm.config';
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
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; log?: (m: string) => void }): Promise<Database> {
  const log = opts.log ?? (() => {});
  let url = opts.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres(path.join(opts.dataDir, 'pg'), log);
    url = embedded.url;
    stopEmbedded = embedded.stop;
    log(`Embedded PostgreSQL started on port ${embedded.port}.`);
  }
  const orm = await MikroORM.init(ormConfig(url));
  await migrate(orm);
  return {
    orm,
    url,
    async close() {
      await orm.close(true);
      if (stopEmbedded) await stopEmbedded();
    },
  };
}

export async function migrate(orm: MikroORM) {
  await orm.getMigrator().up();
}
