/**
 * POST /api/propositions (§11.17, §11.25): an agent pushes one offer — published or not — to
 * demandeurs. Each one is checked again with the shared rules (evaluer: eligibility, limits with
 * origine `proposition`, suspension, complete demande, active account, no proposition of this
 * offer already pending); the accepted ones get a Proposition (statut `envoyee`, expiring after
 * PROPOSITION_DELAI_JOURS days), an audit event and a notification, all in one transaction; the
 * refused ones are listed with their code. The demandeur answers from the portal (repondre.ts),
 * the expiry is a job (jobs/propositionsExpirees.ts). Race-safe: the offer is locked `for share`
 * (a withdrawal waits, or is seen) and so are the demandeurs (a suspension or a closure waits, or is
 * seen); two agents proposing the same offer to the same demandeur at once are decided by the
 * partial unique index (one pending proposition per offer and demandeur): the loser gets 409
 * DEJA_PROPOSEE, or, when it reads after the winner's commit, the demandeur among `refusees`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ajouterJours, formatDateParis } from '@shared/rules/calendrier';
import { estPubliee } from '@shared/rules/publication';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { basesParDemandeur, chargerOffres, completerCandidats, type Candidat } from './candidats';
import { evaluer } from './evaluer';
import { Proposition } from './Proposition.entity';

export const DELAI_PROPOSITION_JOURS_DEFAUT = 10;

/** PROPOSITION_DELAI_JOURS (1..90), default 10: how long a demandeur has to answer. */
export function delaiPropositionJours(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PROPOSITION_DELAI_JOURS);
  return Number.isInteger(n) && n >= 1 && n <= 90 ? n : DELAI_PROPOSITION_JOURS_DEFAUT;
}

export interface DemandeProposition {
  offreId: number;
  demandeurIds: number[];
  message?: string | null;
}

export interface Envoyee {
  id: number;
  demandeurId: number;
  expireLe: string;
}
export interface Refusee {
  demandeurId: number;
  code: string;
  raison: string;
}

/**
 * `portee`: the demandeurs the agent may reach (portee.ts), an SQL condition on `dr`; the others
 * are answered exactly like an id that does not exist (DEMANDEUR_INCONNU, no reason, nothing created).
 */
export async function creerPropositions(tx: EntityManager, d: DemandeProposition, agent: { id: number; ip?: string }, now: Date, portee?: { sql: string; params: unknown[] }) {
  const [offre] = await chargerOffres(tx, [d.offreId], true);
  if (!offre) throw notFound();
  if (offre.retiree) throw conflict('OFFRE_RETIREE', 'Cette offre a été reprise par le bailleur ou attribuée hors plateforme : elle ne peut plus être proposée.');
  const ids = [...new Set(d.demandeurIds)];
  const atteignables = portee && ids.length
    ? (await tx.execute<{ id: number }[]>(`select dr.id from demandeur dr where dr.id in (${ids.map(() => '?').join(', ')}) and ${portee.sql}`, [...ids, ...portee.params])).map((x) => x.id)
    : ids;
  // Locks in the order offer (for share, above) → demandeurs (for share, id order), as an apply takes them.
  const candidats = new Map((await completerCandidats(tx, await basesParDemandeur(tx, atteignables, true))).map((c) => [c.base.demandeurId, c]));
  const expireLe = ajouterJours(now, delaiPropositionJours());
  const message = d.message?.trim() || null;
  const envoyees: Envoyee[] = [];
  const refusees: Refusee[] = [];
  const creees: { p: { id: number }; c: Candidat; palier: number }[] = [];
  for (const demandeurId of ids) {
    const c = candidats.get(demandeurId);
    if (!c) {
      refusees.push({ demandeurId, code: 'DEMANDEUR_INCONNU', raison: 'Ce demandeur est introuvable.' });
      continue;
    }
    const e = evaluer(offre, c, now);
    if (!e.ok) {
      refusees.push({ demandeurId, code: e.code, raison: e.raison });
      continue;
    }
    const p = tx.create(Proposition, {
      offre: offre.id, demandeur: demandeurId, agent: agent.id, departement: offre.departement, statut: 'envoyee',
      message, envoyeeLe: now, expireLe, reponduLe: null, candidatureId: null,
    });
    creees.push({ p, c, palier: e.palier });
  }
  try {
    await tx.flush(); // one batched insert
  } catch (err) {
    // The partial unique index (one pending proposition per offer and demandeur) beat a concurrent request.
    if (err instanceof UniqueConstraintViolationException) throw conflict('DEJA_PROPOSEE', 'Une proposition de cette offre vient d’être envoyée à l’un de ces demandeurs : réessayez.');
    throw err;
  }
  for (const { p, c, palier } of creees) {
    const demandeurId = c.base.demandeurId;
    audit(tx, {
      at: now, acteur: { type: 'agent', id: agent.id }, action: 'proposer', entite: 'proposition', entiteId: p.id, vers: 'envoyee',
      details: { offreId: offre.id, reference: offre.reference, demandeurId, palier, enLigne: estPubliee(offre, now) }, ip: agent.ip,
    });
    notifier(tx, {
      demandeurId, destinataire: c.base.email, template: 'proposition_recue', entite: 'proposition', entiteId: p.id, now,
      cle: `proposition:${p.id}:envoyee`,
      donnees: {
        civilite: c.base.civilite, prenom: c.base.prenom, nom: c.base.nom, offre: offre.reference, titre: offre.titre, commune: offre.commune,
        message, expireLe: formatDateParis(expireLe),
      },
    });
    envoyees.push({ id: p.id, demandeurId, expireLe: expireLe.toISOString() });
  }
  await tx.flush();
  return { envoyees, refusees };
}
