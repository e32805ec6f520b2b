import type { EntityManager } from '@mikro-orm/postgresql';
import type { PropositionTable } from '@server/db/schema';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { creerCandidature } from '@server/modules/candidatures/creer';

type PropositionRow = Pick<PropositionTable, 'id' | 'offre_id' | 'statut' | 'expire_le'>;

/**
 * The demandeur's proposition, locked; 404 when it is someone else's; 409 unless still open.
 * Locks in the order of an apply and of a withdrawal: the offer (`for share`), the demandeur
 * (`for update`), then the proposition; so an answer, an apply, a withdrawal of the offer and a
 * closure of the account run one after the other and never deadlock.
 */
async function propositionOuverte(tx: EntityManager, demandeurId: number, id: number, now: Date): Promise<PropositionRow> {
  const [cible] = await tx.execute<Pick<PropositionTable, 'offre_id'>[]>(`select offre_id from proposition where id = ? and demandeur_id = ?`, [id, demandeurId]);
  if (!cible) throw notFound('Cette proposition est introuvable.');
  await tx.execute(`select id from offre where id = ? for share`, [cible.offre_id]);
  await tx.execute(`select id from demandeur where id = ? for update`, [demandeurId]);
  const rows = await tx.execute<PropositionRow[]>(`select id, offre_id, statut, expire_le from proposition where id = ? and demandeur_id = ? for update`, [id, demandeurId]);
  const p = rows[0];
  if (!p) throw notFound('Cette proposition est introuvable.');
  if (p.statut !== 'envoyee') throw conflict('PROPOSITION_CLOSE', `Vous avez déjà répondu à cette proposition (statut « ${p.statut} »).`);
  if (new Date(p.expire_le).getTime() <= now.getTime()) throw conflict('PROPOSITION_EXPIREE', 'Cette proposition a expiré.');
  return p;
}

/** Writes the answer only while the proposition is still `envoyee` (what was read under the lock): 409 otherwise. */
async function repondre(tx: EntityManager, id: number, statut: 'acceptee' | 'refusee', now: Date, candidatureId: number | null) {
  const ecrits = await tx.execute<{ id: number }[]>(
    `update proposition set statut = ?, repondu_le = ?, candidature_id = coalesce(?, candidature_id) where id = ? and statut = 'envoyee' returning id`,
    [statut, now, candidatureId, id],
  );
  if (ecrits.length === 0) throw conflict('PROPOSITION_CLOSE', 'Vous venez de répondre à cette proposition.');
}

/**
 * §11.17, §11.25: the demandeur accepts an agent's proposition: a candidature with origine
 * `proposition` (creerCandidature: the offer may be unpublished, every other rule applies —
 * eligibility, limits, suspension, completeness), then the proposition is `acceptee`.
 */
export async function accepterProposition(tx: EntityManager, demandeurId: number, id: number, now: Date, ip?: string) {
  const p = await propositionOuverte(tx, demandeurId, id, now);
  const c = await creerCandidature(tx, { demandeurId, offreId: p.offre_id, origine: 'proposition' }, now, { ip, propositionId: p.id });
  await repondre(tx, p.id, 'acceptee', now, c.id);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'accepter', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'acceptee', details: { candidatureId: c.id }, ip });
  return { id: p.id, statut: 'acceptee' as const, candidature: c };
}

/** The demandeur declines a proposition (free to, §11.25); an optional motif is kept in the audit trail. */
export async function refuserProposition(tx: EntityManager, demandeurId: number, id: number, now: Date, motif: string | null, ip?: string) {
  const p = await propositionOuverte(tx, demandeurId, id, now);
  await repondre(tx, p.id, 'refusee', now, null);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'refuser', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'refusee', motif, ip });
  return { id: p.id, statut: 'refusee' as const };
}
