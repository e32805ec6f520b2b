import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { conflict, forbidden, HttpProblem, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { TACHES, tache } from './definitions';
import { FUSEAU_TACHES, PGBOSS_SCHEMA } from './index';
import { decrireRoute } from '@server/openapi/registry';
import type { TacheExecutionTable } from '@server/db/schema';

const ETATS = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
const execution = z.strictObject({
  id: z.number().int(),
  nom: z.string(),
  declenchement: z.string().meta({ description: 'cron ou manuel' }),
  agentId: z.number().int().nullable(),
  debut: z.iso.datetime(),
  fin: z.iso.datetime().nullable(),
  statut: z.string(),
  resultat: z.record(z.string(), z.unknown()).nullable(),
  erreur: z.string().nullable(),
});
const tacheVue = z.strictObject({
  id: z.string(),
  libelle: z.string(),
  cron: z.string(),
  fuseau: z.string(),
  planifiee: z.boolean(),
  derniereExecution: execution.nullable(),
  executions: z.array(execution).meta({ description: 'Les 5 dernières, la plus récente d’abord' }),
  etats: z.record(z.enum(ETATS), z.number().int()).meta({ description: 'Travaux de la file pg-boss par état' }),
});

decrireRoute({
  method: 'get', path: '/api/jobs', auth: 'agent', roles: 'administrateurs, managers', summary: 'Tâches planifiées : planification, dernières exécutions, travaux par état',
  reponse: { json: z.array(tacheVue) },
});
decrireRoute({
  method: 'post', path: '/api/jobs/{name}/run', auth: 'agent', roles: 'administrateurs', summary: 'Lancer une tâche maintenant',
  reponse: { status: 202, json: z.object({ id: z.string(), name: z.string(), jobId: z.string() }) },
  problemes: { 404: ['INTROUVABLE'], 409: ['TACHE_DEJA_EN_ATTENTE'], 503: ['TACHES_INDISPONIBLES'] },
});

/** Raw rows carry timestamptz as PostgreSQL text; the API speaks ISO 8601 UTC. */
const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

interface Execution {
  id: number;
  nom: string;
  declenchement: string;
  agentId: number | null;
  debut: string;
  fin: string | null;
  statut: TacheExecutionTable['statut'];
  resultat: Record<string, unknown> | null;
  erreur: string | null;
}

/**
 * The console's "Tâches planifiées" page. `GET /api/jobs` (admin, manager): per queue its
 * schedule, its last runs (tache_execution) and its job counts by state (pgboss.job).
 * `POST /api/jobs/:name/run` (admin): queues a run now → 202 `{id, name, jobId}`.
 */
export function jobsRouter(ctx: AppContext) {
  const r = Router();
  r.get('/', async (req, res) => {
    if (!req.ability!.can('read', 'jobs')) throw forbidden();
    const em = req.em!;
    const noms = TACHES.map((t) => t.nom);
    const executions = await em.execute<Execution[]>(
      `select x.id, x.nom, x.declenchement, x.agent_id as "agentId", x.debut, x.fin, x.statut, x.resultat, x.erreur
         from unnest(?::text[]) as n(nom)
         cross join lateral (select * from tache_execution e where e.nom = n.nom order by e.debut desc, e.id desc limit 5) x`,
      [`{${noms.join(',')}}`],
    );
    const [{ installe }] = await em.execute<{ installe: boolean }[]>(`select to_regclass(?) is not null as installe`, [`${PGBOSS_SCHEMA}.schedule`]);
    const comptes = installe
      ? await em.execute<{ name: string; state: string; n: number }[]>(`select name, state::text, count(*)::int as n from ${PGBOSS_SCHEMA}.job where name in (?) group by name, state`, [noms])
      : [];
    const planifs = installe
      ? await em.execute<{ name: string; cron: string; timezone: string }[]>(`select name, cron, timezone from ${PGBOSS_SCHEMA}.schedule where name in (?)`, [noms])
      : [];
    res.json(
      TACHES.map((t) => {
        const runs = executions.filter((e) => e.nom === t.nom).map((e) => ({ ...e, debut: iso(e.debut), fin: iso(e.fin) }));
        const planif = planifs.find((p) => p.name === t.nom);
        return {
          id: t.nom,
          libelle: t.libelle,
          cron: planif?.cron ?? t.cron,
          fuseau: planif?.timezone ?? FUSEAU_TACHES,
          planifiee: Boolean(planif),
          derniereExecution: runs[0] ?? null,
          executions: runs,
          etats: Object.fromEntries(ETATS.map((s) => [s, comptes.find((c) => c.name === t.nom && c.state === s)?.n ?? 0])),
        };
      }),
    );
  });

  r.post('/:name/run', async (req, res) => {
    if (!req.ability!.can('lancer', 'jobs')) throw forbidden();
    const t = tache(req.params.name);
    if (!t) throw notFound('Cette tâche planifiée n’existe pas.');
    if (!ctx.jobs) throw new HttpProblem(503, 'TACHES_INDISPONIBLES', 'Le gestionnaire de tâches n’est pas démarré dans ce processus.');
    const jobId = await ctx.jobs.lancer(t.nom, req.agent!.id);
    if (!jobId) throw conflict('TACHE_DEJA_EN_ATTENTE', 'Une exécution de cette tâche attend déjà son tour : elle partira dans un instant.');
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'lancer', entite: 'tache', details: { nom: t.nom, jobId }, ip: req.ip });
      await tx.flush();
    });
    res.status(202).json({ id: t.nom, name: t.nom, jobId });
  });
  return r;
}
