/**
 * Offers pushed by an agent (§11.17, §11.25): accepted ones became candidatures (origine
 * `proposition`), plus pending, refused and expired ones; one reaches a never-published offer.
 */
import type { StatutProposition } from '@shared/domain/enums';
import { Proposition, type IProposition } from '@server/modules/propositions/Proposition.entity';
import { delaiPropositionJours } from '@server/modules/propositions/creer';
import type { AgentSeed, Agents } from './agents';
import { depasseLimites, eligible, estOuverte } from './candidatures-regles';
import type { CandidaturePlan } from './candidatures-types';
import { inserer, type SeedContext } from './context';
import type { OffreSeed } from './offres';
import { demandeCourante, type PersonnePlan } from './plan';
import { HEURE, JOUR, entre, plusJours, plusMs } from './util';
import { MESSAGES_PROPOSITION } from './textes';

export interface PropositionSeed {
  id: number;
  offre: OffreSeed;
  personne: PersonnePlan;
  agent: AgentSeed;
  statut: StatutProposition;
  message: string;
  envoyeeLe: Date;
  expireLe: Date;
  reponduLe: Date | null;
  candidature: CandidaturePlan | null;
}

/** The answer window the server gives a new proposition (PROPOSITION_DELAI_JOURS, §11.17). */
const VALIDITE = delaiPropositionJours() * JOUR;
const AUTRES: [StatutProposition, number][] = [['envoyee', 3], ['refusee', 2], ['expiree', 2]];

export function planPropositions(ctx: SeedContext, personnes: PersonnePlan[], offres: OffreSeed[], candidatures: CandidaturePlan[], agents: Agents): PropositionSeed[] {
  const rng = ctx.rng.fork('propositions');
  const out: PropositionSeed[] = [];
  const agentDe = (o: OffreSeed) => rng.pick(agents.conseillersDe(o.departement));
  // Accepted: a few open candidatures started from an agent's proposition.
  const ouvertes = candidatures.filter((c) => estOuverte(c.statut) && c.demande.statut === 'complete' && c.demande.activite === 'actif');
  for (const c of rng.sample(ouvertes, 4)) {
    c.origine = 'proposition';
    const envoyeeLe = plusMs(c.dateCandidature, -rng.int(2, 96) * HEURE);
    out.push({
      id: 0, offre: c.offre, personne: c.personne, agent: c.etapes.find((e) => e.agent)?.agent ?? agentDe(c.offre), statut: 'acceptee',
      message: rng.pick(MESSAGES_PROPOSITION), envoyeeLe, expireLe: plusMs(envoyeeLe, VALIDITE), reponduLe: c.dateCandidature, candidature: c,
    });
  }
  // Pending, refused, expired: eligible demandeurs without a candidature on that offer.
  const ouvertesDe = (p: PersonnePlan) => candidatures.filter((c) => c.personne === p && estOuverte(c.statut)).map((c) => c.offre);
  const actifs = personnes.filter((p) => p.demandes.length && demandeCourante(p).statut === 'complete' && demandeCourante(p).activite === 'actif' && !p.suspensions.length);
  const offresOk = offres.filter((o) => o.etat === 'en_cours' || o.etat === 'jamais');
  let jamais = offres.find((o) => o.etat === 'jamais') ?? null;
  for (const [statut, n] of AUTRES) {
    for (let k = 0; k < n; k++) {
      for (let essai = 0; essai < 500; essai++) {
        const p = rng.pick(actifs);
        const o = statut === 'envoyee' && jamais ? jamais : rng.pick(offresOk);
        const d = demandeCourante(p);
        if (!eligible(d, o) || candidatures.some((c) => c.personne === p && c.offre === o) || out.some((x) => x.personne === p && x.offre === o)) continue;
        if (o.departement !== p.departement || depasseLimites(ouvertesDe(p), o)) continue;
        if (o === jamais) jamais = null;
        const envoyeeLe = statut === 'envoyee' ? entre(rng, plusJours(ctx.now, -5), plusMs(ctx.now, -HEURE)) : entre(rng, plusJours(ctx.now, -40), plusJours(ctx.now, -12));
        const reponduLe = statut === 'refusee' ? plusMs(envoyeeLe, rng.int(2, 150) * HEURE) : null;
        out.push({ id: 0, offre: o, personne: p, agent: agentDe(o), statut, message: rng.pick(MESSAGES_PROPOSITION), envoyeeLe, expireLe: plusMs(envoyeeLe, VALIDITE), reponduLe, candidature: null });
        break;
      }
    }
  }
  return out;
}

export async function seedPropositions(ctx: SeedContext, propositions: PropositionSeed[]): Promise<void> {
  const rows = propositions.map((x) => ({
    offre: x.offre.id,
    demandeur: x.personne.id,
    agent: x.agent.id,
    departement: x.offre.departement,
    statut: x.statut,
    message: x.message,
    envoyeeLe: x.envoyeeLe,
    expireLe: x.expireLe,
    reponduLe: x.reponduLe,
    candidatureId: x.candidature?.id ?? null,
  }));
  const ids = await inserer<IProposition>(ctx.em, Proposition, rows);
  propositions.forEach((x, i) => (x.id = ids[i]));
}
