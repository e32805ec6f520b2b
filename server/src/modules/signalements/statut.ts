import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatutSignalement } from '@shared/domain/enums';
import type { SignalementTable } from '@server/db/schema';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';

export type ActionSignalement = 'prendre' | 'confirmer' | 'infirmer';

/** nouveau → en_cours (prendre) → confirme | infirme; a concluded signal is closed. */
const VERS: Record<ActionSignalement, StatutSignalement> = { prendre: 'en_cours', confirmer: 'confirme', infirmer: 'infirme' };
const OUVERTS: readonly StatutSignalement[] = ['nouveau', 'en_cours'];

export type LigneSignalement = Pick<SignalementTable, 'id' | 'statut' | 'assignee_id' | 'demandeur_ids'>;

export async function chargerSignalement(tx: EntityManager, id: number): Promise<LigneSignalement> {
  const [s] = await tx.execute<LigneSignalement[]>(`select id, statut, assignee_id, demandeur_ids from signalement where id = ? for update`, [id]);
  if (!s) throw notFound();
  return s;
}

/**
 * Takes a signal (assigns it to me, en_cours; taking over a colleague's is allowed and audited)
 * or concludes it with a conclusion (confirme, infirme). A concluded signal changes no more (409).
 */
export async function changerStatut(
  tx: EntityManager,
  id: number,
  action: ActionSignalement,
  conclusion: string | null,
  agentId: number,
  now: Date,
  ip?: string,
) {
  const s = await chargerSignalement(tx, id);
  if (!OUVERTS.includes(s.statut)) {
    throw conflict('SIGNALEMENT_CLOS', `Ce signalement est déjà ${s.statut === 'confirme' ? 'confirmé' : 'infirmé'} : il ne change plus.`);
  }
  const vers = VERS[action];
  const assignee = action === 'prendre' ? agentId : (s.assignee_id ?? agentId);
  // Conditional on what was read (belt and braces with the lock): a concurrent change makes it write nothing → 409.
  const ecrits = await tx.execute<{ id: number }[]>(
    `update signalement set statut = ?, assignee_id = ?, conclusion = coalesce(?, conclusion), updated_at = ?
      where id = ? and statut = ? and assignee_id is not distinct from ? returning id`,
    [vers, assignee, conclusion, now, id, s.statut, s.assignee_id],
  );
  if (ecrits.length === 0) throw conflict('SIGNALEMENT_CLOS', 'Ce signalement vient d’être modifié par quelqu’un d’autre : rechargez-le.');
  audit(tx, {
    at: now, acteur: { type: 'agent', id: agentId }, action, entite: 'signalement', entiteId: id, de: s.statut, vers, motif: conclusion,
    details: s.assignee_id !== null && s.assignee_id !== agentId && action === 'prendre' ? { reprisA: s.assignee_id } : null, fraude: true, ip,
  });
  await tx.flush();
}
