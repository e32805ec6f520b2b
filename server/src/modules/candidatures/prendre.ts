import type { EntityManager } from '@mikro-orm/postgresql';
import { badRequest, conflict, notFound } from '../../http/problem';
import { audit } from '../audit-events/audit';
import { estOuvert } from '../../../../shared/rules/candidature';
import { chargerCandidature, verrouActif } from './contexte';
import type { Acteur } from './transition';

const heure = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(d);

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
  await tx.execute(
    `update candidature set agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?, updated_at = ? where id = ?`,
    [acteur.id, deja && ctx.c.prise_en_charge_le ? ctx.c.prise_en_charge_le : now, now, now, id],
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
  if (!ctx.c.agent_en_charge_id) return;
  if (ctx.c.agent_en_charge_id !== acteur.id && verrouActif(ctx, now)) throw conflict('DOSSIER_PRIS', `Dossier traité par ${ctx.holder?.nom}.`);
  await tx.execute(`update candidature set agent_en_charge_id = null, verrou_activite_le = null, updated_at = ? where id = ?`, [now, id]);
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
  await tx.execute(
    `update candidature set agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?, updated_at = ? where id = ?`,
    [agentId, now, now, now, id],
  );
  audit(tx, { at: now, acteur: { type: 'agent', id: acteur.id }, action: 'assignation', entite: 'candidature', entiteId: id, details: { agentId }, ip: acteur.ip });
  await tx.flush();
}
