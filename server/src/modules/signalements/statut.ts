import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatutSignalement } from '../../../../shared/domain/enums';
import { conflict, notFound } from '../../http/problem';
import { audit } from '../audit-events/audit';

export type ActionSignalement = 'prendre' | 'confirmer' | 'infirmer';

/** nouveau → en_cours (prendre) → confirme | infirme; a concluded signal is closed. */
const VERS: Record<ActionSignalement, StatutSignalement> = { prendre: 'en_cours', confirmer: 'confirme', infirmer: 'infirme' };
const OUVERTS: readonly StatutSignalement[] = ['nouveau', 'en_cours'];

export interface LigneSignalement {
  id: number;
  statut: StatutSignalement;
  assignee_id: number | null;
  demandeur_ids: number[];
}

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
  await tx.execute(`update signalement set statut = ?, assignee_id = ?, conclusion = coalesce(?, conclusion), updated_at = ? where id = ?`, [
    vers,
    assignee,
    conclusion,
    now,
    id,
  ]);
  audit(tx, {
    at: now, acteur: { type: 'agent', id: agentId }, action, entite: 'signalement', entiteId: id, de: s.statut, vers, motif: conclusion,
    details: s.assignee_id !== null && s.assignee_id !== agentId && action === 'prendre' ? { reprisA: s.assignee_id } : null, fraude: true, ip,
  });
  await tx.flush();
}
