import type { EntityManager } from '@mikro-orm/postgresql';
import { RELANCE_JOURS_DEFAUT, seuilRelance } from '@shared/rules/lienBailleur';
import { ENVOI_MAX, envoyer } from './envoyer';

/** BAILLEUR_RELANCE_JOURS (1–90, default 10): days without the bailleur's answer before the tab and the reminder. */
export function joursRelance(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.BAILLEUR_RELANCE_JOURS);
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : RELANCE_JOURS_DEFAUT;
}

/**
 * When a transmitted candidature started waiting for its bailleur: its first envoi, else (never
 * sent through the platform) its designation. SQL on candidature `c`; the first envoi is stored on
 * the candidature by a trigger and the expression is served by candidature_attente_bailleur_idx
 * (migration …_envoi_bailleur_stocke).
 */
export const ATTENTE_BAILLEUR_DEPUIS = `coalesce(c.envoyee_bailleur_le, c.designee_le)`;

/**
 * Candidatures of bailleur ? waiting for it since ? or earlier (first envoi, else designation: the
 * same clock as the « Sans réponse du bailleur » tab), still awaiting and never reminded (bind:
 * bailleurId?, seuil).
 */
const DUES = (parBailleur: boolean) => `
  from candidature c join offre o on o.id = c.offre_id
 where c.statut = 'transmise_bailleur' ${parBailleur ? 'and o.bailleur_id = ?' : ''}
   and not exists (select 1 from bailleur_relance r where r.candidature_id = c.id)
   and ${ATTENTE_BAILLEUR_DEPUIS} <= ?`;

export interface ResumeRelances {
  bailleursRelances: number;
  candidaturesRelancees: number;
}

/** Advisory lock namespace of the reminder of one bailleur (second key: the bailleur id). */
const VERROU_RELANCE = 18_001;

/**
 * R-BAIL-RELANCE: the bailleur gets ONE reminder for each candidature transmitted to it N days ago
 * (sent through the platform, or only designated: then counted from the designation, as in the « Sans
 * réponse du bailleur » tab) and still without its answer, whatever the number of runs or replicas.
 * A candidature never sent gets its link this way: the reminder's envoi is its first one. Per
 * bailleur, in one transaction:
 * a transaction-scoped advisory lock (another replica skips that bailleur, so one mail per bailleur
 * and run), the due candidatures, a new envoi (origine `relance`, new 14-day link, mail), and one
 * `bailleur_relance` row per candidature — its primary key is the exactly-once guard: a row that
 * already exists rolls the whole transaction back, mail included.
 */
export async function relancerBailleurs(em: EntityManager, now: Date, opts: { jours?: number; secret: string }): Promise<ResumeRelances> {
  const jours = opts.jours ?? joursRelance();
  const seuil = seuilRelance(now, jours);
  // A bailleur without a contact address cannot be reminded (its candidatures stay in the tab): skipped, not an error that stops the others.
  const bailleurs = await em.fork().execute<{ bailleur_id: number }[]>(
    `select distinct o.bailleur_id ${DUES(false)} and exists (select 1 from bailleur b where b.id = o.bailleur_id and coalesce(b.email, '') <> '') order by 1`, [seuil]);
  const resume: ResumeRelances = { bailleursRelances: 0, candidaturesRelancees: 0 };
  for (const { bailleur_id: bailleurId } of bailleurs) {
    const n = await em.fork().transactional(async (tx) => {
      const [{ pris }] = await tx.execute<{ pris: boolean }[]>(`select pg_try_advisory_xact_lock(?, ?) as pris`, [VERROU_RELANCE, bailleurId]);
      if (!pris) return 0;
      const dues = await tx.execute<{ id: number }[]>(`select c.id ${DUES(true)} order by c.id limit ?`, [bailleurId, seuil, ENVOI_MAX]);
      if (dues.length === 0) return 0;
      const r = await envoyer(tx, { origine: 'relance', bailleurId, candidatureIds: dues.map((d) => d.id), agentId: null, strict: false, joursRelance: jours, secret: opts.secret }, now);
      const faites = await tx.execute<{ candidature_id: number }[]>(
        `insert into bailleur_relance (candidature_id, envoi_id, relance_le)
         select ec.candidature_id, ec.envoi_id, ? from bailleur_envoi_candidature ec where ec.envoi_id = ?
         on conflict do nothing returning candidature_id`,
        [now, r.envoiId],
      );
      if (faites.length !== r.candidatures) throw new Error(`relance concurrente pour le bailleur ${bailleurId} : annulée`);
      return r.candidatures;
    });
    if (n > 0) {
      resume.bailleursRelances += 1;
      resume.candidaturesRelancees += n;
    }
  }
  return resume;
}
