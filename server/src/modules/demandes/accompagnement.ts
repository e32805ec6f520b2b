import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemandeTable } from '@server/db/schema';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';

type Ligne = Pick<DemandeTable, 'statut' | 'accompagne_service_salaries_en_difficulte'>;

export interface ChangementAccompagnement {
  accompagne: boolean;
  motif: string;
}

/**
 * R-RANK-CD (§13.6), tier 1: an agent who instructs demandes (conseiller of the territory,
 * contrôle fraude) records that the demandeur is, or is no longer, accompanied by Action Logement
 * Services' service dedicated to employees in difficulty. The demande row is locked, the flag
 * written only if it still has the value read, the audit event carries the motif, and the paliers
 * of its open candidatures are recomputed in the same transaction, so every queue ranks it at once.
 * Refusals (409): the demande is closed, or the flag already has this value.
 */
export async function changerAccompagnement(
  tx: EntityManager,
  id: number,
  { accompagne, motif }: ChangementAccompagnement,
  acteur: { id: number; ip?: string },
  now: Date,
): Promise<{ paliersRecalcules: number }> {
  const [d] = await tx.execute<Ligne[]>(
    `select statut, accompagne_service_salaries_en_difficulte from demande where id = ? for update`,
    [id],
  );
  if (!d) throw notFound();
  if (d.statut === 'cloturee') throw conflict('DEMANDE_CLOTUREE', 'Cette demande est clôturée : son accompagnement ne change plus.');
  if (d.accompagne_service_salaries_en_difficulte === accompagne) {
    throw conflict(
      'ACCOMPAGNEMENT_INCHANGE',
      accompagne ? 'Cette demande est déjà marquée comme accompagnée.' : 'Cette demande n’est pas marquée comme accompagnée.',
    );
  }
  await tx.execute(
    `update demande set accompagne_service_salaries_en_difficulte = ? where id = ? and accompagne_service_salaries_en_difficulte = ?`,
    [accompagne, id, !accompagne],
  );
  const paliersRecalcules = await rafraichirPaliers(tx, [id], now);
  audit(tx, {
    at: now, acteur: { type: 'agent', id: acteur.id }, action: accompagne ? 'declarer_accompagnement' : 'retirer_accompagnement',
    entite: 'demande', entiteId: id, motif, details: { accompagne, paliersRecalcules }, ip: acteur.ip,
  });
  await tx.flush();
  return { paliersRecalcules };
}
