import { bootstrap } from './bootstrap';
import { loadConfig, systemClock } from './config';
import { createApp } from './app';
import { openDatabase } from './db/database';
import { ensureConsoleBuilt } from './consoleBuild';
import type { AppContext } from './context';
import { startJobs } from './jobs';

const log = (m: string) => console.log(`[als] ${m}`);

async function main() {
  const started = Date.now();
  const config = loadConfig();
  await ensureConsoleBuilt(log);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  const logins = await bootstrap(db.orm, config, log);
  const ctx: AppContext = { orm: db.orm, clock: systemClock, config };
  const stopJobs = await startJobs(ctx, process.env, log);
  const app = createApp(ctx);
  const server = app.listen(config.port, () => {
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
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
