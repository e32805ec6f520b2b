/**
 * createApp() in a process of its own, on the test database (DATABASE_URL, DATA_DIR, PORT from
 * the environment): for measures a client must take from outside the server's event loop
 * (timings). Prints « pret » once listening; stops on SIGTERM.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { createStorage } from '@server/storage/create';

const orm = await MikroORM.init(ormConfig(process.env.DATABASE_URL!, { pool: { min: 1, max: 4 } }));
const config = { ...loadConfig(process.env), demo: false };
const storage = createStorage({ storageUrl: process.env.STORAGE_URL || undefined, dataDir: config.dataDir });
const app = createApp({ orm, clock: { now: () => new Date() }, config, storage });
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('pret'));
process.on('SIGTERM', () => {
  server.close();
  void orm.close(true).then(() => process.exit(0));
});
