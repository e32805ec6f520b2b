/**
 * Plans the 600 candidatures: attributions first, then random (demande, offre) pairs that the
 * rules allow — eligible offer, window started at dateCandidature, limits on open ones
 * (R-LIMIT-*), nothing open on a closed demande — with a status mix covering the whole lifecycle.
 */
import type { StatutCandidature } from '@shared/domain/enums';
import { MAX_CANDIDATURES_CLASSIQUE } from '@shared/rules/limites';
import type { Agents } from './agents';
import { etapes, type Cloture } from './candidatures-etapes';
import { depasseLimites, droitsPseecEpuises, eligible, estOuverte } from './candidatures-regles';
import type { CandidaturePlan } from './candidatures-types';
import type { SeedContext } from './context';
import type { OffreSeed } from './offres';
import type { DemandePlan, PersonnePlan } from './plan';
import type { Rng } from './prng';
import { HEURE, JOUR, entre, max, min, plusJours, plusMs, reference } from './util';
import { MOTIF_PRIORITE_CLOTURE } from './textes';
import { MOTIF_REPRISE } from './offres-data';

export const NOMBRE_CANDIDATURES = 600;
const AU_PLAFOND = 3;

interface Etat {
  paires: Set<string>;
  ouvertes: Map<PersonnePlan, OffreSeed[]>;
  attribuees: Map<OffreSeed, number>;
}

export function planCandidatures(ctx: SeedContext, personnes: PersonnePlan[], offres: OffreSeed[], agents: Agents): CandidaturePlan[] {
  const rng = ctx.rng.fork('candidatures');
  const etat: Etat = { paires: new Set(), ouvertes: new Map(), attribuees: new Map() };
  const plan: CandidaturePlan[] = [];
  const demandes = personnes.flatMap((p) => p.demandes.filter((d) => d.statut !== 'brouillon').map((d) => ({ p, d })));
  const offresPour = new Map<DemandePlan, OffreSeed[]>();
  for (const { p, d } of demandes) {
    const voisins = p.departement === '75' || p.departement === '92' ? ['75', '92'] : [p.departement];
    const debutee = (o: OffreSeed) => o.debutPublication !== null && o.debutPublication.getTime() < d.candidatureAvant.getTime() - 3 * HEURE;
    offresPour.set(d, offres.filter((o) => voisins.includes(o.departement) && debutee(o) && eligible(d, o)));
  }
  // 1. Attributions: the attributaires' (and re-applicants' old) demandes end with one attribuee.
  for (const { p, d } of demandes.filter((x) => x.d.attribueLe)) {
    const at = d.attribueLe as Date;
    const attribuable = (o: OffreSeed) =>
      o.etat !== 'reprise' &&
      o.debutPublication !== null &&
      o.debutPublication.getTime() < Math.min(at.getTime(), d.candidatureAvant.getTime()) - 12 * JOUR &&
      (o.fermeLe === null || o.fermeLe.getTime() > max(o.debutPublication, d.creeLe).getTime() + JOUR) &&
      (etat.attribuees.get(o) ?? 0) < o.nombreLogements &&
      eligible(d, o);
    // In the person's territory when possible, else anywhere (a professional move).
    const ici = (offresPour.get(d) ?? []).filter(attribuable);
    const possibles = ici.length ? ici : offres.filter(attribuable);
    if (possibles.length === 0) throw new Error(`seed: aucune offre à attribuer pour ${d.reference}`);
    const o = rng.pick(possibles);
    const fin = min(o.fermeLe ?? at, plusJours(at, -10));
    const date = entre(rng, max(o.debutPublication as Date, d.creeLe), fin);
    ajouter(ctx, rng, plan, etat, agents, p, d, o, 'attribuee', date);
    etat.attribuees.set(o, (etat.attribuees.get(o) ?? 0) + 1);
  }
  // 2. A few keen applicants at the R-LIMIT-CL ceiling (5 open classique): the 6th is refused.
  let auPlafond = 0;
  const assidus = demandes.filter(({ p, d }) => p.cas === 'normal' && d.activite === 'actif' && !droitsPseecEpuises(d));
  for (const { p, d } of rng.shuffle(assidus)) {
    if (auPlafond >= AU_PLAFOND) break;
    const ouvertes = () => (etat.ouvertes.get(p) ?? []).filter((o) => o.nature === 'classique').length;
    for (const o of rng.shuffle((offresPour.get(d) ?? []).filter((x) => x.nature === 'classique' && x.fermeLe === null))) {
      if (ouvertes() >= MAX_CANDIDATURES_CLASSIQUE) break;
      if (etat.paires.has(`${p.n}:${o.id}`) || depasseLimites(etat.ouvertes.get(p) ?? [], o)) continue;
      const date = entre(rng, max(o.debutPublication as Date, d.creeLe), plusMs(ctx.now, -2 * HEURE));
      ajouter(ctx, rng, plan, etat, agents, p, d, o, rng.pick<StatutCandidature>(['deposee', 'deposee', 'en_instruction']), date);
    }
    if (ouvertes() >= MAX_CANDIDATURES_CLASSIQUE) auPlafond++;
  }
  // 3. The rest, at random among what the rules allow.
  for (let essai = 0; plan.length < NOMBRE_CANDIDATURES && essai < 50_000; essai++) {
    const { p, d } = rng.pick(demandes);
    const possibles = offresPour.get(d) ?? [];
    if (possibles.length === 0) continue;
    const o = rng.pick(possibles);
    if (etat.paires.has(`${p.n}:${o.id}`)) continue;
    const lo = max(o.debutPublication as Date, d.creeLe);
    const hi = plusMs(min(o.fermeLe ?? ctx.now, d.candidatureAvant, ctx.now), -2 * HEURE);
    if (hi.getTime() <= lo.getTime()) continue;
    const date = entre(rng, lo, hi);
    const statut = choisirStatut(rng, etat, p, d, o, date);
    if (statut) ajouter(ctx, rng, plan, etat, agents, p, d, o, statut, date);
  }
  if (plan.length < NOMBRE_CANDIDATURES) throw new Error(`seed: ${plan.length} candidatures seulement`);
  // Chronological references: CAN-2026-000001 is the oldest.
  plan.sort((a, b) => a.dateCandidature.getTime() - b.dateCandidature.getTime() || a.personne.n - b.personne.n);
  plan.forEach((c, i) => (c.reference = reference('CAN', ctx.annee, i + 1, 6)));
  return plan;
}

/** When the candidature was necessarily ended: the demande's closure or the bailleur taking the offer back. */
function clotureImposee(d: DemandePlan, o: OffreSeed, date: Date): Date | null {
  const dates = [d.clotureLe, o.repriseLe].filter((x): x is Date => x !== null && x.getTime() > date.getTime());
  return dates.length ? min(...dates) : null;
}

function choisirStatut(rng: Rng, etat: Etat, p: PersonnePlan, d: DemandePlan, o: OffreSeed, date: Date): StatutCandidature | null {
  if (clotureImposee(d, o, date)) return rng.weighted<StatutCandidature>([['cloturee', 60], ['non_retenue', 20], ['annulee', 20]]);
  const terminee = o.fermeLe !== null;
  const voulu = rng.weighted<StatutCandidature>(
    terminee
      ? [['deposee', 5], ['en_instruction', 15], ['transmise_bailleur', 25], ['non_retenue', 40], ['annulee', 15]]
      : [['deposee', 38], ['en_instruction', 20], ['transmise_bailleur', 12], ['non_retenue', 15], ['annulee', 15]],
  );
  if (!estOuverte(voulu)) return voulu;
  const ouvertes = etat.ouvertes.get(p) ?? [];
  if (depasseLimites(ouvertes, o)) return rng.pick<StatutCandidature>(['non_retenue', 'annulee']);
  if (droitsPseecEpuises(d)) return 'deposee';
  if (voulu === 'transmise_bailleur' && (d.profil !== 'valide' || d.activite !== 'actif')) return 'en_instruction';
  return voulu;
}

function ajouter(
  ctx: SeedContext,
  rng: Rng,
  plan: CandidaturePlan[],
  etat: Etat,
  agents: Agents,
  p: PersonnePlan,
  d: DemandePlan,
  o: OffreSeed,
  statut: StatutCandidature,
  dateCandidature: Date,
): void {
  const instructeur = rng.pick(agents.conseillersDe(o.departement));
  const fin = clotureImposee(d, o, dateCandidature);
  let cloture: Cloture | null = null;
  if (statut === 'cloturee') {
    const reprise = o.repriseLe !== null && fin?.getTime() === o.repriseLe.getTime();
    const motifDemande = d.motifCloture ?? 'agent';
    const parAgent = motifDemande === 'fraude' || motifDemande === 'incivilite' || motifDemande === 'agent';
    cloture = {
      at: fin as Date,
      acteur: reprise ? 'systeme' : parAgent ? 'agent' : motifDemande === 'fermeture_compte' ? 'demandeur' : 'systeme',
      agent: reprise ? null : motifDemande === 'fraude' || motifDemande === 'incivilite' ? agents.fraude : parAgent ? instructeur : null,
      motif: reprise ? MOTIF_REPRISE : MOTIF_PRIORITE_CLOTURE[motifDemande],
    };
  }
  const borne = statut === 'attribuee' ? plusMs(d.attribueLe as Date, -HEURE) : fin ? plusMs(fin, -HEURE) : ctx.now;
  const steps = etapes({
    rng,
    statut,
    dateCandidature,
    borne,
    instructeur,
    cloture,
    attribueLe: d.attribueLe,
    parBailleur: d.profil === 'valide' && rng.chance(0.35),
    annuleeParAgent: rng.chance(0.5),
    dossierIncomplet: d.profil === 'socles' || d.profil === 'incomplet',
  });
  const instruction = steps.find((s) => s.action === 'instruire') ?? null;
  const designation = steps.find((s) => s.action === 'designer') ?? null;
  const derniere = steps[steps.length - 1];
  // Some en_instruction files were released back to the team queue (no agent in charge).
  const tenue = statut !== 'en_instruction' || rng.chance(0.75);
  plan.push({
    reference: '',
    personne: p,
    demande: d,
    offre: o,
    statut,
    dateCandidature,
    origine: 'portail',
    agentEnCharge: instruction && tenue ? instructeur : null,
    priseEnChargeLe: instruction && tenue ? instruction.at : null,
    motif: statut === 'non_retenue' || statut === 'annulee' || statut === 'cloturee' ? derniere.motif : null,
    canal: statut === 'annulee' ? derniere.canal : null,
    designeeLe: designation?.at ?? null,
    // Like the server: every final transition (attribuer, ne_pas_retenir, annuler, cloturer) stamps cloture_le.
    clotureLe: estOuverte(statut) ? null : derniere.at,
    etapes: steps,
    id: 0,
  });
  etat.paires.add(`${p.n}:${o.id}`);
  if (estOuverte(statut)) etat.ouvertes.set(p, [...(etat.ouvertes.get(p) ?? []), o]);
}
