import type { EntityManager } from '@mikro-orm/postgresql';
import { badRequest, conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { subject } from '@casl/ability';
import { defineAbilityFor } from '@shared/abilities';
import { estOuvert } from '@shared/rules/candidature';
import type { AgentTable } from '@server/db/schema';
import { chargerCandidature, verrouActif, type CandidatureCtx } from './contexte';
import type { Acteur } from './transition';

const heure = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(d);

/**
 * Writes the claim columns only if the row is still the version read under the lock (and bumps
 * it): a write that lost a race changes nothing and answers 409.
 */
async function ecrireSiInchange(tx: EntityManager, c: CandidatureCtx['c'], set: string, params: unknown[]) {
  const rows = await tx.execute<{ id: number }[]>(
    `update candidature set ${set}, version = version + 1 where id = ? and version = ? and statut = ? returning id`,
    [...params, c.id, c.version, c.statut],
  );
  if (rows.length !== 1) throw conflict('DOSSIER_MODIFIE', 'Le dossier vient d’être modifié par un autre agent : rechargez-le.');
}

/**
 * "Je prends le dossier": a soft lock. Taking a dossier another agent holds (and acted on in the
 * last 30 min) needs a reason and is audited; an idle lock lapses by itself.
 */
export async function prendre(tx: EntityManager, id: number, acteur: Acteur, corps: { motif?: string }, now: Date) {
  const ctx = await chargerCandidature(tx, id, true);
  if (!ctx) throw notFound();
  if (!estOuvert(ctx.c.statut)) throw conflict('TRANSITION_INTERDITE', 'Cette candidature est close : il n’y a plus rien à prendre.');
  const autre = verrouActif(ctx, now) && ctx.c.agent_en_charge_id !== acteur.id;
  if (autre && !corps.motif?.trim()) {
    const depuis = ctx.c.prise_en_charge_le ? heure(new Date(ctx.c.prise_en_charge_le)) : '';
    throw conflict('DOSSIER_PRIS', `Dossier traité par ${ctx.holder?.nom} depuis ${depuis} : indiquez un motif pour le reprendre.`);
  }
  const deja = ctx.c.agent_en_charge_id === acteur.id;
  // A double click (or a second tab) of the holder: the dossier is already his, nothing more to write or audit.
  if (deja && verrouActif(ctx, now)) throw conflict('DEJA_EN_CHARGE', 'Vous traitez déjà ce dossier.');
  await ecrireSiInchange(tx, ctx.c,
    `agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?, updated_at = ?`,
    [acteur.id, deja && ctx.c.prise_en_charge_le ? ctx.c.prise_en_charge_le : now, now, now],
  );
  audit(tx, {
    at: now, acteur: { type: 'agent', id: acteur.id }, action: autre ? 'reprise_dossier' : 'prise_dossier', entite: 'candidature', entiteId: id,
    motif: autre ? corps.motif!.trim() : null, details: autre ? { precedent: ctx.holder } : null, ip: acteur.ip,
  });
  await tx.flush();
}

/** Gives the dossier back to the queue (only its holder, or anyone once the lock has lapsed). */
export async function liberer(tx: EntityManager, id: number, acteur: Acteur, now: Date) {
  const ctx = await chargerCandidature(tx, id, true);
  if (!ctx) throw notFound();
  if (!ctx.c.agent_en_charge_id) throw conflict('DOSSIER_NON_PRIS', 'Personne ne traite ce dossier : il est déjà dans la file.');
  if (ctx.c.agent_en_charge_id !== acteur.id && verrouActif(ctx, now)) throw conflict('DOSSIER_PRIS', `Dossier traité par ${ctx.holder?.nom}.`);
  await ecrireSiInchange(tx, ctx.c, `agent_en_charge_id = null, verrou_activite_le = null, updated_at = ?`, [now]);
  audit(tx, { at: now, acteur: { type: 'agent', id: acteur.id }, action: 'liberation_dossier', entite: 'candidature', entiteId: id, ip: acteur.ip });
  await tx.flush();
}

/** Assigns the dossier to an agent (bulk action of the queue). */
export async function assigner(tx: EntityManager, id: number, agentId: number, acteur: Acteur, now: Date) {
  const ctx = await chargerCandidature(tx, id, true);
  if (!ctx) throw notFound();
  if (!estOuvert(ctx.c.statut)) throw conflict('TRANSITION_INTERDITE', 'Candidature close.');
  if (verrouActif(ctx, now) && ctx.c.agent_en_charge_id !== acteur.id && ctx.c.agent_en_charge_id !== agentId) {
    throw conflict('DOSSIER_PRIS', `Dossier traité par ${ctx.holder?.nom}.`);
  }
  if (!Number.isInteger(agentId)) throw badRequest('VALIDATION', 'Agent invalide.');
  // Only to an agent who could take it himself: the shared ability of that agent, on this candidature's département.
  const [cible] = await tx.execute<Pick<AgentTable, 'id' | 'role' | 'territoires' | 'actif'>[]>(`select id, role, territoires, actif from agent where id = ?`, [agentId]);
  if (!cible?.actif || !defineAbilityFor(cible).can('prendre', subject('candidatures', { departement: ctx.c.departement } as Record<string, unknown>))) {
    throw conflict('AGENT_HORS_TERRITOIRE', `Cet agent n’instruit pas les dossiers du département ${ctx.c.departement} : choisissez un agent de ce territoire.`);
  }
  await ecrireSiInchange(tx, ctx.c, `agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?, updated_at = ?`, [agentId, now, now, now]);
  audit(tx, { at: now, acteur: { type: 'agent', id: acteur.id }, action: 'assignation', entite: 'candidature', entiteId: id, details: { agentId }, ip: acteur.ip });
  await tx.flush();
}

/**
 * Acting takes the dossier, for the actions that are not a transition of the candidature (a piece
 * validated or refused from its dossier page): if nobody holds this open candidature of the
 * demande, the acting agent is now in charge (audited); if its holder is the agent, his activity
 * is refreshed. One conditional UPDATE in the caller's transaction (no read before it): a
 * concurrent « Je prends le dossier » that committed first wins and this changes nothing
 * (Postgres re-checks the condition on the row the other transaction committed).
 */
export async function prendreEnAgissant(tx: EntityManager, candidatureId: number, demandeId: number, acteur: Acteur, par: string, now: Date) {
  const ouverte = `id = ? and demande_id = ? and statut in ('deposee', 'en_instruction', 'transmise_bailleur')`;
  const pris = await tx.execute<{ id: number }[]>(
    `update candidature set agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?, updated_at = ?, version = version + 1
      where ${ouverte} and agent_en_charge_id is null returning id`,
    [acteur.id, now, now, now, candidatureId, demandeId],
  );
  if (pris.length === 0) {
    await tx.execute(`update candidature set verrou_activite_le = ? where ${ouverte} and agent_en_charge_id = ?`, [now, candidatureId, demandeId, acteur.id]);
    return;
  }
  audit(tx, { at: now, acteur: { type: 'agent', id: acteur.id }, action: 'prise_dossier', entite: 'candidature', entiteId: candidatureId, details: { par }, ip: acteur.ip });
}
