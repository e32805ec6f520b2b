import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import type { CanalDemande, StatutCandidature } from '@shared/domain/enums';
import type { ActionCandidature } from '@shared/domain/enums';
import { estOuvert, transition } from '@shared/rules/candidature';
import { HttpProblem, conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { chargerCandidature, verrouActif, type CandidatureCtx } from './contexte';

export interface Acteur {
  id: number;
  nom: string;
  ip?: string;
  /** An agent of the console (default), or the bailleur deciding from its link page (id = the bailleur). */
  type?: 'agent' | 'bailleur';
}
export const acteurDe = (req: Request): Acteur => ({ id: req.agent!.id, nom: `${req.agent!.prenom} ${req.agent!.nom}`, ip: req.ip });

export interface Corps {
  motif?: string | null;
  canal?: CanalDemande | null;
  /** Extra facts for the audit event (e.g. the bailleur's CALEOL date and motif code). */
  details?: Record<string, unknown> | null;
}

/** Extra checks and effects of one action, run inside the transaction with the row locked. */
export interface Regles {
  verifier?: (tx: EntityManager, ctx: CandidatureCtx, corps: Corps, now: Date) => Promise<void>;
  apres?: (tx: EntityManager, ctx: CandidatureCtx, acteur: Acteur, now: Date) => Promise<void>;
  colonnes?: (now: Date) => Record<string, unknown>;
}

const TEMPLATE: Partial<Record<StatutCandidature, string>> = {
  en_instruction: 'candidature_en_instruction',
  transmise_bailleur: 'candidature_transmise_bailleur',
  attribuee: 'candidature_attribuee',
  non_retenue: 'candidature_non_retenue',
  annulee: 'candidature_annulee',
};

/**
 * One agent action on one candidature (R-CAND-FSM), in the caller's transaction: the row is
 * locked, the soft lock of another agent is respected, the shared lifecycle decides, then the
 * action's own rules; the update, its audit event and the demandeur's notification (§11.27)
 * are written together. A refusal throws and the transaction leaves everything unchanged.
 */
export async function appliquerAction(
  tx: EntityManager,
  id: number,
  action: ActionCandidature,
  corps: Corps,
  acteur: Acteur,
  regles: Regles,
  now: Date,
): Promise<{ de: StatutCandidature; vers: StatutCandidature }> {
  const ctx = await chargerCandidature(tx, id, true);
  if (!ctx) throw notFound();
  const type = acteur.type ?? 'agent';
  // The soft lock is between agents: the bailleur's decision is its own, whoever is looking at the dossier.
  if (type === 'agent' && verrouActif(ctx, now) && ctx.c.agent_en_charge_id !== acteur.id) {
    throw conflict('DOSSIER_PRIS', `Dossier traité par ${ctx.holder?.nom ?? 'un autre agent'} : reprenez-le d’abord (avec un motif) pour agir.`);
  }
  const t = transition(ctx.c.statut, action, type, corps);
  if (!t.ok) {
    if (t.code === 'MOTIF_REQUIS' || t.code === 'CANAL_REQUIS') {
      throw new HttpProblem(400, t.code, t.raison, [{ field: t.code === 'MOTIF_REQUIS' ? 'motif' : 'canal', message: t.raison }]);
    }
    throw conflict(t.code, t.raison);
  }
  await regles.verifier?.(tx, ctx, corps, now);
  const holder = type === 'agent' && ctx.c.agent_en_charge_id === acteur.id;
  // Acting takes the dossier: an agent who acts on a dossier nobody holds, and leaves it open, is now
  // in charge of it (it shows in « Mes dossiers »). A dossier another agent holds keeps its holder.
  const prend = type === 'agent' && ctx.c.agent_en_charge_id == null && estOuvert(t.statut);
  const verrou = holder ? ', verrou_activite_le = ?' : prend ? ', agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?' : '';
  const verrouParams = holder ? [now] : prend ? [acteur.id, now, now] : [];
  // Conditional on the status and version read under the lock: a write that lost a race changes nothing.
  const ecrites = await tx.execute<{ id: number }[]>(
    `update candidature set statut = ?, motif = coalesce(?, motif), canal = coalesce(?, canal), updated_at = ?, version = version + 1
       ${verrou} ${sets(regles.colonnes?.(now))} where id = ? and statut = ? and version = ? returning id`,
    [t.statut, corps.motif?.trim() || null, corps.canal ?? null, now, ...verrouParams, ...Object.values(regles.colonnes?.(now) ?? {}), id, ctx.c.statut, ctx.c.version],
  );
  if (ecrites.length !== 1) throw conflict('TRANSITION_INTERDITE', 'La candidature vient d’être modifiée par une autre action : rechargez-la.');
  if (prend) {
    audit(tx, { at: now, acteur: { type, id: acteur.id }, action: 'prise_dossier', entite: 'candidature', entiteId: id, details: { par: action }, ip: acteur.ip });
  }
  audit(tx, {
    at: now, acteur: { type, id: acteur.id }, action, entite: 'candidature', entiteId: id,
    de: ctx.c.statut, vers: t.statut, motif: corps.motif ?? null, details: corps.canal ? { canal: corps.canal } : (corps.details ?? null), ip: acteur.ip,
  });
  const template = TEMPLATE[t.statut];
  if (template) {
    notifier(tx, {
      demandeurId: ctx.demandeur.id, destinataire: ctx.demandeur.email, template, entite: 'candidature', entiteId: id, now,
      donnees: {
        civilite: ctx.demandeur.civilite, prenom: ctx.demandeur.prenom, nom: ctx.demandeur.nom, reference: ctx.c.reference,
        offre: `${ctx.offre.reference} — ${ctx.offre.titre}`, bailleur: ctx.offre.bailleur_nom, motif: corps.motif ?? null,
        canal: corps.canal ? LIBELLE_CANAL[corps.canal] : null,
      },
    });
  }
  await regles.apres?.(tx, ctx, acteur, now);
  await tx.flush();
  return { de: ctx.c.statut, vers: t.statut };
}

const LIBELLE_CANAL: Record<CanalDemande, string> = { telephone: 'par téléphone', courriel: 'par courriel', reclamation: 'par réclamation' };

function sets(cols: Record<string, unknown> | undefined) {
  return cols ? Object.keys(cols).map((k) => `, ${k} = ?`).join('') : '';
}
