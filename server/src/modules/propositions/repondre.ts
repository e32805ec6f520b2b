import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatutProposition } from '../../../../shared/domain/enums';
import { conflict, notFound } from '../../http/problem';
import { audit } from '../audit-events/audit';
import { creerCandidature } from '../candidatures/creer';

interface PropositionRow {
  id: number;
  offre_id: number;
  statut: StatutProposition;
  expire_le: Date;
}

/** The demandeur's proposition, locked; 404 when it is someone else's; 409 unless still open. */
async function propositionOuverte(tx: EntityManager, demandeurId: number, id: number, now: Date): Promise<PropositionRow> {
  const rows = await tx.execute<PropositionRow[]>(`select id, offre_id, statut, expire_le from proposition where id = ? and demandeur_id = ? for update`, [id, demandeurId]);
  const p = rows[0];
  if (!p) throw notFound('Cette proposition est introuvable.');
  if (p.statut !== 'envoyee') throw conflict('PROPOSITION_CLOSE', `Vous avez déjà répondu à cette proposition (statut « ${p.statut} »).`);
  if (new Date(p.expire_le).getTime() <= now.getTime()) throw conflict('PROPOSITION_EXPIREE', 'Cette proposition a expiré.');
  return p;
}

/**
 * §11.17, §11.25: the demandeur accepts an agent's proposition: a candidature with origine
 * `proposition` (creerCandidature: the offer may be unpublished, every other rule applies —
 * eligibility, limits, suspension, completeness), then the proposition is `acceptee`.
 */
export async function accepterProposition(tx: EntityManager, demandeurId: number, id: number, now: Date, ip?: string) {
  const p = await propositionOuverte(tx, demandeurId, id, now);
  const c = await creerCandidature(tx, { demandeurId, offreId: p.offre_id, origine: 'proposition' }, now, { ip, propositionId: p.id });
  await tx.execute(`update proposition set statut = 'acceptee', repondu_le = ?, candidature_id = ? where id = ?`, [now, c.id, p.id]);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'accepter', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'acceptee', details: { candidatureId: c.id }, ip });
  return { id: p.id, statut: 'acceptee' as const, candidature: c };
}

/** The demandeur declines a proposition (free to, §11.25); an optional motif is kept in the audit trail. */
export async function refuserProposition(tx: EntityManager, demandeurId: number, id: number, now: Date, motif: string | null, ip?: string) {
  const p = await propositionOuverte(tx, demandeurId, id, now);
  await tx.execute(`update proposition set statut = 'refusee', repondu_le = ? where id = ?`, [now, p.id]);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'refuser', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'refusee', motif, ip });
  return { id: p.id, statut: 'refusee' as const };
}
