/**
 * `npm start`: the composition root. In demo mode (DEMO, on unless NODE_ENV=production) it hands
 * the demo data of seeds/ to the server, which never imports seeds/ itself.
 */
import { loadConfig } from '@server/config';
import { runServer } from '@server/main';
import { logger } from '@server/logger';

const demo = loadConfig().demo ? await import('@seeds/index') : undefined;
runServer(demo).catch((e) => {
  logger.fatal({ err: e }, `Démarrage impossible : ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
