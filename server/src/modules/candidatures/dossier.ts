import type { Request } from 'express';
import type { ActionCandidature } from '@shared/domain/enums';
import type { Action } from '@shared/abilities';
import { actionsPossibles, estOuvert } from '@shared/rules/candidature';
import { checklist, pieceADemander } from '@shared/rules/completude';
import { piecesNonValidees, verifierDesignation } from '@shared/rules/designation';
import { plafondApplicable, verifierEligibilite } from '@shared/rules/eligibilite';
import { suspenduJusquAu } from '@shared/rules/suspension';
import { notFound } from '@server/http/problem';
import { chargerCandidature, foyer, verrouActif, type CandidatureCtx } from './contexte';
import { DESIGNATIONS_PAR_LOGEMENT, designationsCompletes } from './regles';
import { demandesEnAttente } from './piecesDemandees';
import { marquerVu } from './suivi';

/** How many skipped candidatures the designation dialog names (the count says the rest). */
const DEVANCEES_MAX = 10;

/**
 * What « Désigner » needs, before the click (issue #15): the refusals the API would answer now
 * (pieces to validate named, suspension, PSEEC rights, designations complete), and the better-ranked
 * candidatures still waiting that a designation would skip (rank and name: the motif is asked for them).
 * The same rules as the POST (regles.ts); the POST still decides under its locks.
 */
async function preconditionsDesignation(req: Request, ctx: CandidatureCtx, now: Date) {
  const em = req.em!;
  const r = verifierDesignation({
    statut: ctx.c.statut, offre: ctx.offre, demande: foyer(ctx), justificatifs: ctx.justificatifs,
    suspensions: ctx.suspensions, entreprises: ctx.entreprises, maintenant: now,
  });
  const refus: { code: string; raison: string }[] = r.ok ? [] : r.refus.map(({ code, raison }) => ({ code, raison }));
  const [{ n }] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from candidature where offre_id = ? and statut in ('transmise_bailleur', 'attribuee')`, [ctx.offre.id]);
  const max = DESIGNATIONS_PAR_LOGEMENT * ctx.offre.nombre_logements;
  if (n >= max) refus.push({ code: 'DESIGNATIONS_COMPLETES', raison: designationsCompletes(n, ctx.offre.nombre_logements, max) });
  const devancees = await em.execute<{ rang: number; candidatureId: number; reference: string; nom: string; total: number }[]>(
    `select x.rang, x.id as "candidatureId", x.reference, x.nom, count(*) over ()::int as total
       from (select row_number() over (order by c.palier, c.date_candidature, c.id)::int as rang, c.id, c.reference, c.statut,
                    c.palier, c.date_candidature, dr.prenom || ' ' || dr.nom as nom
               from candidature c join demandeur dr on dr.id = c.demandeur_id
              where c.offre_id = ? and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')
                and (c.palier, c.date_candidature, c.id) < (?, ?, ?)) x
      where x.statut in ('deposee', 'en_instruction') order by x.rang limit ${DEVANCEES_MAX}`,
    [ctx.offre.id, ctx.c.palier, ctx.c.date_candidature, ctx.c.id],
  );
  return {
    possible: refus.length === 0,
    refus,
    piecesAValider: piecesNonValidees(ctx.offre, foyer(ctx), ctx.justificatifs, now).map(({ type, titulaire }) => ({ type, titulaire })),
    devancees: devancees.map(({ total: _total, ...d }) => d),
    devanceesTotal: devancees[0]?.total ?? 0,
  };
}

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
  // « Demander la pièce » (issue #15): the pending request of each line, and whether this agent may ask for it now.
  const enAttente = await demandesEnAttente(req.em!, ctx.c.id);
  const peutDemanderPiece = estOuvert(ctx.c.statut) && req.ability!.can('demander_piece', 'candidatures');
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
    checklist: liste.map((l) => {
      const d = enAttente.find((x) => x.type === l.type && x.titulaire === l.titulaire);
      const demandePiece = d ? { id: d.id, demandeeLe: d.demandeeLe, motif: d.motif, agentId: d.agentId, agentNom: d.agentNom } : null;
      return { ...l, demandePiece, demandable: peutDemanderPiece && !demandePiece && pieceADemander(l) };
    }),
    verrou: ctx.c.agent_en_charge_id
      ? { agentId: ctx.c.agent_en_charge_id, agentNom: ctx.holder?.nom ?? null, depuis: ctx.c.prise_en_charge_le, actif: verrou, estMoi: ctx.c.agent_en_charge_id === req.agent!.id }
      : null,
    actionsPossibles: possibles,
    peutPrendre: req.ability!.can('prendre', 'candidatures'),
    peutDemanderPiece,
    designation: possibles.includes('designer') ? await preconditionsDesignation(req, ctx, now) : null,
  };
}

/**
 * The dossier as its page opens it (GET …/dossier, and the verification made from it): with
 * UI-SUIVI's visit of a follower — what changed since his previous visit, then seen now.
 */
export async function dossierOuvert(req: Request, id: number, now: Date) {
  const vue = await dossier(req, id, now);
  const suivi = await req.em!.transactional((tx) => marquerVu(tx, req.agent!.id, id, now));
  return { ...vue, suivi };
}
