import PgBoss from 'pg-boss';
import type { AppContext } from '@server/context';
import { loadJobsConfig, type JobsConfig } from './config';
import { TACHES, tache, type DefinitionTache } from './definitions';
import { executerTache } from './execution';
import { registerExportWorkers } from '@server/modules/exports/worker';
import { logger } from '@server/logger';
import { sousVerrouGlobal } from '@server/db/verrouGlobal';

export const PGBOSS_SCHEMA = 'pgboss';
export const FUSEAU_TACHES = 'Europe/Paris';

interface DonneesJob {
  agentId?: number;
}

function urlDe(ctx: AppContext): string {
  const url = ctx.orm.config.get('clientUrl');
  if (!url) throw new Error('startJobs: the ORM has no clientUrl');
  return url;
}

async function creerFile(boss: PgBoss, t: DefinitionTache) {
  const options = { name: t.nom, policy: 'stately' as const, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: t.expireInMinutes * 60 };
  await boss.createQueue(t.nom, options);
  await boss.updateQueue(t.nom, options);
  await boss.schedule(t.nom, t.cron, {}, { tz: FUSEAU_TACHES });
}

/**
 * pg-boss on the application's database (schema `pgboss`), started after the migrations.
 * Every process creates the queues and their Paris-time schedules (idempotent upserts) and can
 * queue a run; with JOBS=0 it runs no worker, no cron and no maintenance (API-only replica).
 * pg-boss hands each scheduled tick and each job to one worker among all replicas; the jobs
 * themselves are idempotent and guarded in the database, so a retry or a double run is harmless.
 * Sets `ctx.jobs` for the routes; returns the stop function (graceful: running jobs finish).
 */
export async function startJobs(ctx: AppContext, env: NodeJS.ProcessEnv = process.env, log: (m: string) => void = () => {}): Promise<() => Promise<void>> {
  const cfg = loadJobsConfig(env);
  const boss = new PgBoss({
    connectionString: urlDe(ctx),
    schema: PGBOSS_SCHEMA,
    application_name: 'als-jobs',
    max: 4,
    supervise: cfg.workers,
    schedule: cfg.workers,
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
  });
  boss.on('error', (e) => logger.error({ err: e }, 'pg-boss : erreur'));
  // The queues are tables (pg-boss 10 partitions): processes creating them at once deadlock on the
  // DDL, so the replicas starting together take turns (verrouGlobal.ts).
  await sousVerrouGlobal(urlDe(ctx), 'als:pgboss', async () => {
    await boss.start();
    // DATABASE_APP_ROLE: the app's pool reads the job counts and schedules (« Tâches planifiées ») as that role.
    const role = ctx.config.base.roleApplication;
    if (role) await boss.getDb().executeSql(`grant usage on schema ${PGBOSS_SCHEMA} to ${role}; grant select on all tables in schema ${PGBOSS_SCHEMA} to ${role}`, []);
    for (const t of TACHES) await creerFile(boss, t);
    await registerExportWorkers(boss, ctx, cfg.workers); // queue `exports` + minute sweep `exports-maintenance`
  });
  if (cfg.workers) {
    for (const t of TACHES) {
      await boss.work<DonneesJob>(t.nom, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) =>
        executerTache(ctx.orm, ctx.clock, t, cfg, {
          declenchement: job.data?.agentId ? 'manuel' : 'planifie',
          agentId: job.data?.agentId ?? null,
          jobId: job.id,
        }, { storage: ctx.storage }),
      );
    }
  }
  log(`Tâches planifiées : ${cfg.workers ? `${TACHES.length} files actives (Europe/Paris)` : 'exécution désactivée dans ce processus (JOBS=0)'} ; courriels ${cfg.smtpUrl ? 'par SMTP' : 'dans la boîte d’envoi de la console (SMTP_URL absent)'}.`);
  ctx.jobs = {
    async lancer(nom, agentId) {
      if (!tache(nom)) throw new Error(`Unknown job ${nom}`);
      return boss.send(nom, { agentId });
    },
  };
  return async () => {
    ctx.jobs = undefined;
    await boss.stop({ graceful: true, timeout: 20_000, wait: true });
  };
}
