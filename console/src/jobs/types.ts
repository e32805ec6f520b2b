/** GET /api/jobs: one row per pg-boss queue (server/src/jobs/jobs.router.ts). */
export interface ExecutionTache {
  id: number;
  nom: string;
  declenchement: 'planifie' | 'manuel' | 'direct';
  agentId: number | null;
  debut: string;
  fin: string | null;
  statut: 'en_cours' | 'termine' | 'echec';
  resultat: Record<string, unknown> | null;
  erreur: string | null;
}

export const ETATS_FILE = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type EtatFile = (typeof ETATS_FILE)[number];

export interface Tache {
  id: string;
  libelle: string;
  cron: string;
  fuseau: string;
  planifiee: boolean;
  derniereExecution: ExecutionTache | null;
  executions: ExecutionTache[];
  etats: Record<EtatFile, number>;
}

/** POST /api/jobs/:name/run → 202. */
export interface LancementTache {
  id: string;
  name: string;
  jobId: string;
}
