/** Inserts the planned candidatures (chronological references and ids). */
import { palierCandidature } from '@shared/rules/classement';
import { demandeRules } from '@shared/rules/demande';
import { Candidature, type ICandidature } from '@server/modules/candidatures/Candidature.entity';
import { RANG_A_LA_DESIGNATION } from '@server/modules/candidatures/rangDesignation';
import type { CandidaturePlan } from './candidatures-types';
import { inserer, type SeedContext } from './context';
import type { PieceSeed } from './justificatifs';
import type { DemandePlan, PersonnePlan } from './plan';
import type { PropositionSeed } from './propositions';
import { max, min, plusMs, MINUTE } from './util';

/** The stored R-RANK palier (shared/rules/classement), as the server refreshes it on every change. */
function paliers(ctx: SeedContext, plan: CandidaturePlan[], pieces: PieceSeed[]): number[] {
  const parDemande = new Map<DemandePlan, PieceSeed[]>();
  for (const x of pieces) parDemande.set(x.demande, [...(parDemande.get(x.demande) ?? []), x]);
  return plan.map((c) => {
    const d = c.demande;
    const justificatifs = (parDemande.get(d) ?? []).map((x) => ({ id: x.id, titulaire: x.titulaire, type: x.type, statut: x.statut, dateValiditeFin: x.dateValiditeFin }));
    const candidature = { id: c.id, statut: c.statut, dateCandidature: c.dateCandidature };
    return palierCandidature(c.offre, { candidature, demande: demandeRules(d), justificatifs }, ctx.now);
  });
}

export async function seedCandidatures(ctx: SeedContext, plan: CandidaturePlan[], pieces: PieceSeed[]): Promise<void> {
  const palier = paliers(ctx, plan, pieces);
  const rows = plan.map((c, i) => ({
    palier: palier[i],
    reference: c.reference,
    demande: c.demande.id,
    demandeur: c.personne.id,
    offre: c.offre.id,
    departement: c.offre.departement,
    publicCible: c.demande.publicCible, // the trigger copies it from the demande anyway
    nature: c.offre.nature,
    statut: c.statut,
    dateCandidature: c.dateCandidature,
    origine: c.origine,
    agentEnCharge: c.agentEnCharge?.id ?? null,
    priseEnChargeLe: c.priseEnChargeLe,
    motif: c.motif,
    canal: c.canal,
    designeeLe: c.designeeLe,
    clotureLe: c.clotureLe,
    version: c.etapes.length,
    createdAt: c.dateCandidature,
    updatedAt: c.etapes[c.etapes.length - 1].at,
  }));
  const ids = await inserer<ICandidature>(ctx.em, Candidature, rows);
  plan.forEach((c, i) => (c.id = ids[i]));
  // The rank at designation, as the designation stores it (read by the designation export).
  await ctx.em.execute(`update candidature c set rang_designation = ${RANG_A_LA_DESIGNATION} where c.designee_le is not null`);
}

/**
 * Last login of each verified account: after its last dossier update, candidature or answer
 * to a proposition; exactly the last activity for the demandes R-INACT must catch.
 */
export function calculerConnexions(ctx: SeedContext, personnes: PersonnePlan[], plan: CandidaturePlan[], propositions: PropositionSeed[]): void {
  const dernieres = new Map<PersonnePlan, Date>();
  const voir = (p: PersonnePlan, d: Date | null) => {
    if (!d) return;
    const avant = dernieres.get(p);
    if (!avant || d.getTime() > avant.getTime()) dernieres.set(p, d);
  };
  for (const c of plan) voir(c.personne, c.dateCandidature);
  for (const x of propositions) voir(x.personne, x.reponduLe);
  for (const p of personnes) {
    if (!p.emailVerifieLe || p.demandes.length === 0) continue;
    const d = p.demandes[p.demandes.length - 1];
    voir(p, d.derniereMiseAJour);
    const last = dernieres.get(p) as Date;
    const rng = ctx.rng.fork(`connexion-${p.n}`);
    // Idle demandes (R-INACT cases, and those it closed): the last login is the last activity.
    const idle = (d.statut === 'complete' && d.activite !== 'actif') || d.motifCloture === 'inactivite';
    p.derniereConnexion = idle ? last : min(ctx.now, plusMs(last, rng.int(0, 48 * 60) * MINUTE));
    p.derniereConnexion = max(p.derniereConnexion, p.emailVerifieLe);
  }
}
