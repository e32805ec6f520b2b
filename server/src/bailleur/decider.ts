import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecisionEnregistree } from '@shared/api/bailleurs';
import type { StatutCandidature } from '@shared/domain/enums';
import { formatDateParis } from '@shared/rules/calendrier';
import { validerDecision, type SaisieDecision } from '@shared/rules/decisionBailleur';
import type { BailleurDecisionTable, CandidatureTable } from '@server/db/schema';
import { badRequest, conflict, HttpProblem, notFound } from '@server/http/problem';
import { REGLES_ACTIONS } from '@server/modules/candidatures/regles';
import { appliquerAction } from '@server/modules/candidatures/transition';
import type { BailleurPrincipal } from './auth';
import { PORTEE_SQL, porteeParams } from './portee';

export interface DecisionDemandee {
  candidatureId: number;
  saisie: SaisieDecision;
  source: 'page' | 'tableau';
  /** Row of the spreadsheet. */
  ligne?: number;
}

type Cible = Pick<CandidatureTable, 'id' | 'reference' | 'statut' | 'designee_le'> & { decide_le: Date | null; decision: BailleurDecisionTable['decision'] | null };

/** Why a candidature no longer awaits the bailleur, in words it understands (no personal detail). */
export function raisonPlusEnAttente(c: Pick<Cible, 'reference' | 'statut' | 'decide_le' | 'decision'>): string {
  const par = c.decide_le ? ` : votre décision a été enregistrée le ${formatDateParis(c.decide_le)}` : ' par Action Logement Services';
  const etat: Partial<Record<StatutCandidature, string>> = {
    attribuee: `a déjà été attribuée${par}`,
    non_retenue: `a déjà été déclarée non retenue${par}`,
    annulee: 'a été annulée à la demande du candidat',
    cloturee: 'a été clôturée par Action Logement Services',
  };
  return `La candidature ${c.reference} n’attend plus de décision : elle ${etat[c.statut] ?? 'n’est pas au stade de la décision du bailleur'}.`;
}

const plusEnAttente = (c: Cible) => conflict('CANDIDATURE_PLUS_EN_ATTENTE', raisonPlusEnAttente(c));

async function cible(tx: EntityManager, b: BailleurPrincipal, id: number): Promise<Cible | undefined> {
  const [c] = await tx.execute<Cible[]>(
    `select c.id, c.reference, c.statut, c.designee_le, d.decide_le, d.decision
       from candidature c join offre o on o.id = c.offre_id left join bailleur_decision d on d.candidature_id = c.id
      where c.id = ? and ${PORTEE_SQL}`,
    [id, ...porteeParams(b)],
  );
  return c;
}

/**
 * R-BAIL-DECISION through R-CAND-FSM, in the caller's transaction: the candidature must be in the
 * link's scope (404 otherwise) and still transmise_bailleur (409 CANDIDATURE_PLUS_EN_ATTENTE with the
 * reason); the input is checked by the shared rule (400); then the same lifecycle function as the
 * agents' actions (lock, conditional write, audit event with the bailleur as actor, the demandeur's
 * notification §11.27, attribution effects), the decision row (its primary key refuses a second one)
 * and the access trace.
 */
export async function decider(tx: EntityManager, b: BailleurPrincipal, d: DecisionDemandee, ip: string | undefined, now: Date): Promise<DecisionEnregistree> {
  const c = await cible(tx, b, d.candidatureId);
  if (!c) throw notFound('Cette candidature ne fait pas partie de cet envoi.');
  if (c.statut !== 'transmise_bailleur') throw plusEnAttente(c);
  const v = validerDecision(d.saisie, { designeeLe: c.designee_le, maintenant: now });
  if (!v.ok) throw badRequest(v.code, v.raison, [{ field: v.champ, message: v.raison }]);
  const action = v.decision === 'attribuee' ? 'attribuer' : 'ne_pas_retenir';
  const details = { dateCaleol: v.dateCaleol, motifCode: v.motif, commentaire: v.commentaire, source: d.source, ligne: d.ligne ?? null, lienId: b.lienId };
  try {
    await appliquerAction(tx, c.id, action, { motif: v.motifTransition, details }, { type: 'bailleur', id: b.bailleurId, nom: b.bailleurNom, ip }, REGLES_ACTIONS[action], now);
  } catch (e) {
    // Another decision (an agent's, or a concurrent one) got there first: say which.
    if (e instanceof HttpProblem && e.code === 'TRANSITION_INTERDITE') throw plusEnAttente((await cible(tx, b, c.id)) ?? c);
    throw e;
  }
  await tx.execute(
    `insert into bailleur_decision (candidature_id, bailleur_id, lien_id, decision, motif, commentaire, date_caleol, source, ligne, decide_le, ip)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [c.id, b.bailleurId, b.lienId, v.decision, v.motif, v.commentaire, v.dateCaleol, d.source, d.ligne ?? null, now, ip?.slice(0, 64) ?? null],
  );
  await tx.execute(
    `insert into bailleur_acces (lien_id, bailleur_id, type, candidature_id, at, ip, details) values (?, ?, 'decision', ?, ?, ?, ?::jsonb)`,
    [b.lienId, b.bailleurId, c.id, now, ip?.slice(0, 64) ?? null, JSON.stringify({ decision: v.decision, source: d.source })],
  );
  return { candidatureId: c.id, reference: c.reference, decision: v.decision, dateCaleol: v.dateCaleol };
}

/**
 * `decider` in a transaction of its own. Two decisions racing on one candidature: the second waits
 * for the first's lock or unique key, then is refused with the reason (never applied twice).
 */
export async function deciderSeul(em: EntityManager, b: BailleurPrincipal, d: DecisionDemandee, ip: string | undefined, now: Date): Promise<DecisionEnregistree> {
  try {
    return await em.fork().transactional((tx) => decider(tx, b, d, ip, now));
  } catch (e) {
    if (!(e instanceof UniqueConstraintViolationException)) throw e;
    const c = await cible(em.fork(), b, d.candidatureId);
    throw plusEnAttente(c!);
  }
}
