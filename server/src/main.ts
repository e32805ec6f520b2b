import { bootstrap, type DemoSeed } from './bootstrap';
import { loadConfig, systemClock } from './config';
import { createApp } from './app';
import { serveurHttp } from './http/serveur';
import { openDatabase } from './db/database';
import { ensureConsoleBuilt } from './consoleBuild';
import type { AppContext } from './context';
import { startJobs } from './jobs';
import { createStorage } from './storage/create';
import { nettoyerBrouillons } from './modules/conservation/orphelins';
import { Limiteur } from './http/rateLimit';
import { logger } from './logger';
import { AVERTISSEMENT_COMMUNES, communesChargees } from './db/sante';
import { arreterInspection, prechaufferInspection } from './modules/justificatifs/inspection/pool';

const log = (m: string) => logger.info(m);

/**
 * Starts the whole server: console build if needed, database (embedded when DATABASE_URL is
 * unset), migrations, first admin or demo data, jobs, HTTP. The entry point is bin/start.ts,
 * which gives the demo data in demo mode.
 */
export async function runServer(demo?: DemoSeed) {
  const started = Date.now();
  const config = loadConfig();
  await ensureConsoleBuilt(log);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, replicaUrls: config.databaseReplicaUrls, dataDir: config.dataDir, log });
  const storage = createStorage(config);
  await storage.check();
  log(`Fichiers : ${storage.description}.`);
  // DATA-ORPHANS: scratch files left by a killed upload or export of an earlier process (old enough not to be another process's live one).
  const brouillons = await nettoyerBrouillons(storage, systemClock.now());
  if (brouillons) log(`Fichiers temporaires abandonnés supprimés : ${brouillons}.`);
  const logins = await bootstrap(db.orm, config, storage, log, demo);
  // Issue #16: a fresh production database has no communes until `npm run communes:import`.
  if ((await communesChargees(db.orm)) === false) logger.warn(AVERTISSEMENT_COMMUNES);
  const ctx: AppContext = { orm: db.orm, clock: systemClock, config, storage, limites: new Limiteur(db.orm, systemClock) };
  const stopJobs = await startJobs(ctx, process.env, log);
  await prechaufferInspection(); // uploaded pieces are parsed in worker threads: one loaded before the first upload
  const app = createApp(ctx);
  const server = serveurHttp(app).listen(config.port, () => {
    log(`Console et API prêtes sur http://localhost:${config.port} (démarrage en ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (logins.length) {
      log('Comptes de démonstration :');
      for (const l of logins) log(`  ${l.role.padEnd(16)} ${l.email.padEnd(34)} ${l.password}   ${l.territoires.join(', ')}`);
    }
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} reçu : arrêt…`);
    server.close();
    await stopJobs();
    await arreterInspection();
    await db.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
