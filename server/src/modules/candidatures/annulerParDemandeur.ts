import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatutCandidature } from '@shared/domain/enums';
import { transition } from '@shared/rules/candidature';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';

/**
 * R-CANCEL-SELF (§11.23.1, §11.23.2): the demandeur cancels their own candidature, alone, only
 * while `deposee` (shared transition, acteur demandeur): once Action Logement handles it the
 * answer is 409 EN_INSTRUCTION (cancelling then goes through an agent), a final one 409
 * TRANSITION_INTERDITE. Someone else's candidature is 404. The row is locked: a concurrent
 * "instruire" and this cancel are applied one after the other.
 */
export async function annulerParDemandeur(tx: EntityManager, demandeurId: number, candidatureId: number, now: Date, ip?: string) {
  const rows = await tx.execute<{ id: number; reference: string; statut: StatutCandidature }[]>(
    `select id, reference, statut from candidature where id = ? and demandeur_id = ? for update`,
    [candidatureId, demandeurId],
  );
  const c = rows[0];
  if (!c) throw notFound('Cette candidature est introuvable.');
  const t = transition(c.statut, 'annuler', 'demandeur');
  if (!t.ok) throw conflict(t.code, t.raison);
  const ecrits = await tx.execute<{ id: number }[]>(
    `update candidature set statut = ?, version = version + 1, updated_at = ? where id = ? and statut = ? returning id`,
    [t.statut, now, c.id, c.statut],
  );
  if (ecrits.length === 0) throw conflict('TRANSITION_INTERDITE', 'Cette candidature vient de changer de statut : rechargez-la.');
  audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'annuler', entite: 'candidature', entiteId: c.id, de: c.statut, vers: t.statut, ip });
  return { id: c.id, reference: c.reference, statut: t.statut };
}
