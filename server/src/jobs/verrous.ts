import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '@server/modules/audit-events/audit';

/** A claim ("je prends le dossier") lapses after this idle time (work queue, verrou_activite_le). */
export const VERROU_EXPIRE_MINUTES = 30;

export interface ResumeVerrous {
  liberes: number;
}

/**
 * Lapsed claim locks: a candidature whose holder has been idle for 30 minutes loses its
 * agent_en_charge_id and goes back to the shared queue. Rows locked by a running transition are
 * skipped (next run); the version bump makes a stale concurrent write fail instead of overwriting.
 */
export async function libererVerrous(em: EntityManager, now: Date): Promise<ResumeVerrous> {
  const limite = new Date(now.getTime() - VERROU_EXPIRE_MINUTES * 60_000);
  return em.fork().transactional(async (tx) => {
    const liberes = await tx.execute<{ id: number; agent: number; verrou: string }[]>(
      `with c as (select id, agent_en_charge_id, verrou_activite_le from candidature
                   where agent_en_charge_id is not null and verrou_activite_le <= ? order by id for update skip locked)
       update candidature x set agent_en_charge_id = null, version = x.version + 1, updated_at = ?
         from c where x.id = c.id returning x.id, c.agent_en_charge_id as agent, c.verrou_activite_le as verrou`,
      [limite, now],
    );
    for (const l of liberes) {
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'liberer_verrou', entite: 'candidature', entiteId: l.id,
        motif: `Prise en charge expirée après ${VERROU_EXPIRE_MINUTES} minutes sans activité`, details: { agentId: l.agent, derniereActivite: l.verrou },
      });
    }
    return { liberes: liberes.length };
  });
}
