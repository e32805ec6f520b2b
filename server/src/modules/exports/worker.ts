import type PgBoss from 'pg-boss';
import type { AppContext } from '@server/context';
import { executerExport } from './executer';
import { maintenanceExports } from './maintenance';
import { logger } from '@server/logger';

export const FILE_EXPORTS = 'exports';
export const FILE_MAINTENANCE_EXPORTS = 'exports-maintenance';

interface DonneesExport {
  exportId: number;
}

/** The sender of each started context (the router reaches pg-boss through it; absent in tests: the sweep or the test runs the export). */
const envois = new WeakMap<AppContext, (id: number) => Promise<unknown>>();

/** Queues the job of an export; a failure to queue is logged, the minute sweep will send it again. */
export async function envoyerExport(ctx: AppContext, id: number): Promise<void> {
  const envoyer = envois.get(ctx);
  if (!envoyer) return;
  try {
    await envoyer(id);
  } catch (e) {
    logger.warn({ err: e, exportId: id }, `Export ${id} : envoi du job différé (la tâche de maintenance le renverra).`);
  }
}

/**
 * The `exports` queue (one job per export, run by `executerExport`) and the minute
 * `exports-maintenance` schedule (expired files, en_attente rows older than 1 min, interrupted
 * ones). Called by startJobs (server/src/jobs/index.ts). With `workers` false (JOBS=0) this
 * process only sends jobs.
 */
export async function registerExportWorkers(boss: PgBoss, ctx: AppContext, workers = true): Promise<void> {
  await boss.createQueue(FILE_EXPORTS, { name: FILE_EXPORTS, policy: 'standard', retryLimit: 1, retryDelay: 30, expireInSeconds: 3 * 3600 });
  const maintenance = { name: FILE_MAINTENANCE_EXPORTS, policy: 'stately' as const, retryLimit: 0, expireInSeconds: 15 * 60 };
  await boss.createQueue(FILE_MAINTENANCE_EXPORTS, maintenance);
  await boss.schedule(FILE_MAINTENANCE_EXPORTS, '* * * * *', {}, { tz: 'Europe/Paris' });
  const envoyer = (id: number) => boss.send(FILE_EXPORTS, { exportId: id } satisfies DonneesExport);
  envois.set(ctx, envoyer);
  if (!workers) return;
  await boss.work<DonneesExport>(FILE_EXPORTS, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) =>
    executerExport(ctx.orm.em.fork(), job.data.exportId, ctx.clock.now(), ctx.storage),
  );
  await boss.work(FILE_MAINTENANCE_EXPORTS, { batchSize: 1, pollingIntervalSeconds: 10 }, async () =>
    maintenanceExports(ctx.orm.em.fork(), ctx.clock.now(), ctx.storage, envoyer),
  );
}
