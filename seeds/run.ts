/**
 * `npm run seed`: migrates the database of DATABASE_URL and, when it has no agent yet, loads the
 * demo data (files in the storage of STORAGE_URL, default the folder DATA_DIR), then prints the demo logins.
 * SEED_NOW=2026-11-02T09:00:00Z pins the reference instant (default: now).
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { createStorage } from '@server/storage/create';
import { DEMO_LOGINS, seedDemo, type Login } from './index';

function imprimer(logins: Login[]): void {
  console.log('\nComptes de démonstration (console) :');
  for (const l of logins) {
    const territoires = l.territoires.length ? l.territoires.join(', ') : '—';
    console.log(`  ${l.role.padEnd(16)} ${l.email.padEnd(26)} ${l.password.padEnd(22)} territoires : ${territoires}`);
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL est requis (ex. postgres://postgres@127.0.0.1:5432/als_dev).');
    process.exitCode = 2;
    return;
  }
  const now = process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`SEED_NOW invalide : ${process.env.SEED_NOW}`);
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  try {
    await orm.getMigrator().up();
    const em = orm.em.fork();
    const [{ n }] = await em.execute<{ n: number }[]>('select count(*)::int as n from agent');
    if (n > 0) {
      console.log(`La base contient déjà ${n} agent(s) : rien à charger.`);
      imprimer(DEMO_LOGINS);
      return;
    }
    const t = performance.now();
    const storage = createStorage(loadConfig());
    try {
      const { logins } = await seedDemo(em, { storage, now, log: (s) => console.log(s) });
      console.log(`Données de démonstration chargées en ${((performance.now() - t) / 1000).toFixed(1)} s (fichiers : ${storage.description}).`);
      imprimer(logins);
    } finally {
      await storage.close();
    }
  } finally {
    await orm.close(true);
  }
}

await main();
