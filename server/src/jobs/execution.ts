import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '@server/config';
import { serialiserErreur } from '@server/logger';
import type { JobsConfig } from './config';
import type { DefinitionTache, EnvTache, Resume } from './definitions';
import type { DECLENCHEMENTS_TACHE } from './TacheExecution.entity';

export interface Declenchement {
  declenchement: (typeof DECLENCHEMENTS_TACHE)[number];
  agentId?: number | null;
  jobId?: string | null;
}

/**
 * Runs one job and records it in tache_execution (start, end, summary with its duration, or the
 * error). The pg-boss handler, "Lancer maintenant" and tests all go through here.
 */
export async function executerTache(orm: MikroORM, clock: Clock, def: DefinitionTache, cfg: JobsConfig, d: Declenchement, env: EnvTache): Promise<Resume> {
  const em = orm.em.fork();
  const [{ id }] = await em.execute<{ id: number }[]>(
    `insert into tache_execution (nom, declenchement, agent_id, job_id, debut, statut) values (?, ?, ?, ?, ?, 'en_cours') returning id`,
    [def.nom, d.declenchement, d.agentId ?? null, d.jobId ?? null, clock.now()],
  );
  const t0 = performance.now();
  try {
    const resume = await def.executer(orm.em.fork(), clock.now(), cfg, env);
    const resultat = { ...resume, dureeMs: Math.round(performance.now() - t0) };
    await em.execute(`update tache_execution set fin = ?, statut = 'termine', resultat = ?::jsonb where id = ?`, [clock.now(), JSON.stringify(resultat), id]);
    return resultat;
  } catch (e) {
    const erreur = texteErreur(e).slice(0, 4000);
    await em.execute(`update tache_execution set fin = ?, statut = 'echec', erreur = ? where id = ?`, [clock.now(), erreur, id]);
    throw e;
  }
}

/**
 * The error as admins read it (GET /api/jobs): a database error by its SQLSTATE, constraint and
 * stack frames only — its message quotes the SQL with the bound values (incomes, e-mails), like the
 * logs (logger.ts `serialiserErreur`); any other error by its type, message and stack.
 */
export function texteErreur(e: unknown): string {
  const s = serialiserErreur(e) as { type?: string; message?: string; stack?: string; sqlState?: string; constraint?: string; table?: string; column?: string; valeur?: string };
  if (s.sqlState !== undefined) {
    const ou = [s.table && `table ${s.table}`, s.column && `colonne ${s.column}`, s.constraint && `contrainte ${s.constraint}`].filter(Boolean).join(', ');
    return `${s.type} : erreur de la base de données (SQLSTATE ${s.sqlState}${ou ? `, ${ou}` : ''})\n${s.stack ?? ''}`;
  }
  if (s.valeur !== undefined) return s.valeur;
  return s.stack ?? `${s.type ?? 'Error'}: ${s.message ?? ''}`;
}
