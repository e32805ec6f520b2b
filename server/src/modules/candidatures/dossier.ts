import type { Request } from 'express';
import type { ActionCandidature } from '../../../../shared/domain/enums';
import type { Action } from '../../../../shared/abilities';
import { actionsPossibles } from '../../../../shared/rules/candidature';
import { checklist } from '../../../../shared/rules/completude';
import { plafondApplicable, verifierEligibilite } from '../../../../shared/rules/eligibilite';
import { suspenduJusquAu } from '../../../../shared/rules/suspension';
import { notFound } from '../../http/problem';
import { chargerCandidature, foyer, verrouActif } from './contexte';

export const ABILITY_ACTION: Record<Exclude<ActionCandidature, 'cloturer'>, Action> = {
  instruire: 'instruire', designer: 'designer', ne_pas_retenir: 'ne_pas_retenir', attribuer: 'attribuer', annuler: 'annuler',
};

/**
 * Everything the candidature page shows beside the document viewer, computed with the shared
 * rules: household, revenus against plafond with the eligibility result, flags (suspension,
 * contrôle renforcé, R-REAPPLY), the pieces checklist for this offer and household, the soft
 * lock and the actions this agent may take now.
 */
export async function dossier(req: Request, id: number, now: Date) {
  const ctx = await chargerCandidature(req.em!, id, false);
  if (!ctx) throw notFound();
  const f = foyer(ctx);
  const offre = { ...ctx.offre, plafonds: ctx.offre.plafonds };
  const refus = verifierEligibilite(
    { typologie: offre.typologie, plafonds: offre.plafonds, reglementation: offre.reglementation },
    { ...f, nombrePersonnes: ctx.demande.nombre_personnes, revenuFiscalReference: ctx.demande.revenu_fiscal_reference },
    ctx.justificatifs,
    now,
  );
  const liste = checklist(offre, f, ctx.justificatifs, now);
  const possibles = (actionsPossibles(ctx.c.statut, 'agent') as Exclude<ActionCandidature, 'cloturer'>[]).filter(
    (a) => a in ABILITY_ACTION && req.ability!.can(ABILITY_ACTION[a], 'candidatures'),
  );
  const verrou = verrouActif(ctx, now);
  return {
    id: ctx.c.id,
    statut: ctx.c.statut,
    eligibilite: {
      eligible: refus.length === 0,
      raisons: refus.map((r) => r.raison),
      plafond: plafondApplicable(offre.plafonds, ctx.demande.nombre_personnes),
      revenuFiscalReference: ctx.demande.revenu_fiscal_reference,
      nombrePersonnes: ctx.demande.nombre_personnes,
    },
    suspenduJusquAu: suspenduJusquAu(ctx.suspensions, now),
    controleRenforce: ctx.demande.controle_renforce,
    signaleReattribution: ctx.demande.signale_reattribution,
    checklist: liste,
    verrou: ctx.c.agent_en_charge_id
      ? { agentId: ctx.c.agent_en_charge_id, agentNom: ctx.holder?.nom ?? null, depuis: ctx.c.prise_en_charge_le, actif: verrou, estMoi: ctx.c.agent_en_charge_id === req.agent!.id }
      : null,
    actionsPossibles: possibles,
    peutPrendre: req.ability!.can('prendre', 'candidatures'),
  };
}
