/**
 * npm run seed:volume -- [--demandeurs 200000] [--candidatures 1000000] [--offres 20000] [--justificatifs 3000000]
 * Fills DATABASE_URL (or the embedded PostgreSQL under DATA_DIR/pg, default ./.data) with the demo
 * seed when empty, then the national volume on top (see ./index.ts). SEED_NOW pins the clock.
 */
import path from 'node:path';
import pg from 'pg';
import { createStorage } from '@server/storage/create';
import { openDatabase } from '@server/db/database';
import { seedDemo } from '../index';
import { DEFAUTS, seedVolume } from './index';

function options(argv: string[]) {
  const o: Record<string, number> = { ...DEFAUTS };
  for (let i = 0; i < argv.length; i += 2) {
    const cle = argv[i].replace(/^--/, '');
    const n = Number(argv[i + 1]);
    if (!(cle in DEFAUTS) || !Number.isInteger(n) || n < 0) throw new Error(`Option invalide : ${argv[i]} ${argv[i + 1] ?? ''} (connues : ${Object.keys(DEFAUTS).map((k) => '--' + k).join(', ')})`);
    o[cle] = n;
  }
  return o as typeof DEFAUTS;
}

async function main() {
  const o = options(process.argv.slice(2));
  const now = process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : new Date(Math.floor(Date.now() / 1000) * 1000);
  const dataDir = path.resolve(process.env.DATA_DIR ?? './.data');
  const t0 = performance.now();
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, log: console.log });
  try {
    const em = db.orm.em.fork();
    const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from agent');
    if (n === 0) {
      const storage = createStorage({ storageUrl: process.env.STORAGE_URL || undefined, dataDir });
      await seedDemo(em, { storage, now, log: console.log }).finally(() => storage.close());
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const comptes = await seedVolume(client, { ...o, now, log: console.log });
      console.log(`Volume chargé en ${((performance.now() - t0) / 1000).toFixed(0)} s :`, comptes);
    } finally {
      await client.end();
    }
  } finally {
    await db.close();
  }
}

await main();
