import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const DECLENCHEMENTS_TACHE = ['planifie', 'manuel', 'direct'] as const;
export const STATUTS_TACHE = ['en_cours', 'termine', 'echec'] as const;

/**
 * One run of a scheduled job (pg-boss worker, "Lancer maintenant", or a direct call): when,
 * how it ended and its summary, for the console's "Tâches planifiées" page. pg-boss keeps its
 * own rows in `pgboss.job` (archived after a while); this table is the durable history.
 */
export const TacheExecution = defineEntity({
  name: 'TacheExecution',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    nom: p.string().length(60),
    declenchement: p.enum([...DECLENCHEMENTS_TACHE]),
    agentId: p.integer().nullable(),
    /** pg-boss job id when run by a worker. */
    jobId: p.string().length(40).nullable(),
    debut: p.datetime(),
    fin: p.datetime().nullable(),
    statut: p.enum([...STATUTS_TACHE]).default('en_cours'),
    resultat: p.json<Record<string, unknown>>().nullable(),
    erreur: p.text().nullable(),
  }),
  indexes: [{ name: 'tache_execution_nom_debut_idx', properties: ['nom', 'debut'] }],
});
export type ITacheExecution = InferEntity<typeof TacheExecution>;
