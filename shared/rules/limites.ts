/**
 * R-LIMIT-CL, R-LIMIT-PROG, R-LIMIT-ID, R-LIMIT-SUSP, R-ELIG, R-REAPPLY (§11.3, §11.13,
 * §11.16, §11.17, §11.23, §11.24): may this demandeur apply to this offer now?
 *
 * verifierCandidature returns every refusal, in the stable order ORDRE_REFUS_CANDIDATURE (the
 * first one is the 409 answered). Only open candidatures (deposee, en_instruction,
 * transmise_bailleur) count; the limits look at the demandeur's candidatures on OTHER offers (an
 * open one on this very offer is DEJA_CANDIDAT). Eligibility is only judged on a `complete`
 * demande (otherwise DEMANDE_INCOMPLETE says it all). An agent's proposition (§11.17) may reach
 * an unpublished offer but skips nothing else.
 */
import type { OrigineCandidature, StatutCandidature } from '@shared/domain/enums';
import type { DemandeRules, Instant, JustificatifRules, OffreLimiteRules, OffreRules, Refus, SuspensionRules } from '@shared/domain/types';
import { ajouterMois, formatDateParis, versDate } from './calendrier';
import { estOuvert } from './candidature';
import { verifierEligibilite } from './eligibilite';
import { estPubliee } from './publication';
import { controleRenforceRequis, suspenduJusquAu } from './suspension';

export const MAX_CANDIDATURES_CLASSIQUE = 5;
export const MAX_CANDIDATURES_IDENTIFIE = 1;
export const DELAI_REAPPLY_MOIS = 12;

export const ORDRE_REFUS_CANDIDATURE = [
  'SUSPENDU',
  'DEMANDE_INCOMPLETE',
  'OFFRE_NON_PUBLIEE',
  'DEJA_CANDIDAT',
  'NON_ELIGIBLE',
  'LIMITE_CLASSIQUE',
  'LIMITE_PROGRAMME',
  'LIMITE_IDENTIFIE',
] as const;
export type CodeRefusCandidature = (typeof ORDRE_REFUS_CANDIDATURE)[number];
export type RefusCandidature = Refus<CodeRefusCandidature>;

export interface CandidatureExistante {
  statut: StatutCandidature;
  offre: OffreLimiteRules;
}

export interface EntreeCandidature {
  offre: OffreRules;
  /** The demandeur's open demande, or null when there is none. */
  demande: DemandeRules | null;
  justificatifs: readonly JustificatifRules[];
  /** The demandeur's candidatures, any status. */
  candidatures: readonly CandidatureExistante[];
  suspensions: readonly SuspensionRules[];
  origine: OrigineCandidature;
  maintenant: Instant;
}

export type ResultatCandidature = { ok: true } | ({ ok: false; refus: RefusCandidature[] } & RefusCandidature);

/** R-LIMIT-CL, R-LIMIT-PROG, R-LIMIT-ID over the open candidatures on other offers. */
export function verifierLimites(offre: OffreLimiteRules, candidatures: readonly CandidatureExistante[]): RefusCandidature[] {
  const autres = candidatures.filter((c) => estOuvert(c.statut) && c.offre.id !== offre.id).map((c) => c.offre);
  const refus: RefusCandidature[] = [];
  if (offre.nature === 'classique') {
    const classiques = autres.filter((o) => o.nature === 'classique');
    if (classiques.length >= MAX_CANDIDATURES_CLASSIQUE) {
      refus.push({
        code: 'LIMITE_CLASSIQUE',
        raison: `Vous avez déjà ${classiques.length} candidatures en cours sur des logements classiques (${MAX_CANDIDATURES_CLASSIQUE} au plus) : annulez-en une pour postuler.`,
      });
    }
    const memeProgramme = offre.programmeId !== null && classiques.some((o) => o.programmeId === offre.programmeId && o.typologie === offre.typologie);
    if (memeProgramme) {
      refus.push({
        code: 'LIMITE_PROGRAMME',
        raison: `Vous avez déjà une candidature en cours sur un ${offre.typologie} de ce programme : une seule offre par typologie et par programme.`,
      });
    }
  } else if (offre.forme === 'identifie') {
    const identifies = autres.filter((o) => o.nature === 'courte_duree' && o.forme === 'identifie');
    if (identifies.length >= MAX_CANDIDATURES_IDENTIFIE) {
      refus.push({
        code: 'LIMITE_IDENTIFIE',
        raison: 'Vous avez déjà une candidature en cours sur un logement identifié de courte durée : annulez-la pour postuler à un autre (les logements types restent possibles).',
      });
    }
  }
  return refus;
}

export function verifierCandidature(entree: EntreeCandidature): ResultatCandidature {
  const { offre, demande, maintenant } = entree;
  const refus: RefusCandidature[] = [];
  const suspenduJusque = suspenduJusquAu(entree.suspensions, maintenant);
  if (suspenduJusque) {
    refus.push({ code: 'SUSPENDU', raison: `Votre accès au service est suspendu jusqu’au ${formatDateParis(suspenduJusque)}.` });
  }
  const complete = demande !== null && demande.statut === 'complete';
  if (!complete) refus.push({ code: 'DEMANDE_INCOMPLETE', raison: 'Complétez votre demande de logement avant de postuler.' });
  if (entree.origine === 'portail' && !estPubliee(offre, maintenant)) {
    refus.push({ code: 'OFFRE_NON_PUBLIEE', raison: 'Cette offre n’est pas publiée.' });
  }
  if (entree.candidatures.some((c) => c.offre.id === offre.id && estOuvert(c.statut))) {
    refus.push({ code: 'DEJA_CANDIDAT', raison: 'Vous avez déjà une candidature en cours sur cette offre.' });
  }
  if (complete) refus.push(...verifierEligibilite(offre, demande, entree.justificatifs, maintenant));
  refus.push(...verifierLimites(offre, entree.candidatures));
  return resultat(refus);
}

function resultat(refus: RefusCandidature[]): ResultatCandidature {
  const tries = [...refus].sort((a, b) => ORDRE_REFUS_CANDIDATURE.indexOf(a.code) - ORDRE_REFUS_CANDIDATURE.indexOf(b.code));
  return tries.length === 0 ? { ok: true } : { ok: false, refus: tries, ...tries[0] };
}

/**
 * R-REAPPLY (§11.3): a new demande within 12 calendar months after an `attribuee` candidature
 * is flagged (an agent may refuse it with a motif). `jusquAu` = end of the flag window.
 */
export function signalementNouvelleDemande(datesAttribution: readonly Instant[], maintenant: Instant): { signalee: boolean; jusquAu: Date | null } {
  const t = versDate(maintenant).getTime();
  const fins = datesAttribution
    .filter((d) => versDate(d).getTime() <= t)
    .map((d) => ajouterMois(d, DELAI_REAPPLY_MOIS).getTime())
    .filter((fin) => t < fin);
  return fins.length === 0 ? { signalee: false, jusquAu: null } : { signalee: true, jusquAu: new Date(Math.max(...fins)) };
}

export type ResultatNouvelleDemande =
  | { ok: true; signalee: boolean; jusquAu: Date | null; controleRenforce: boolean }
  | ({ ok: false } & Refus<'SUSPENDU'>);

/**
 * Creating a new demande: refused while suspended (R-LIMIT-SUSP); otherwise the flags the new
 * demande carries — `signalee` within 12 months of an attribution (R-REAPPLY) and
 * `controleRenforce` once a suspension has ended (R-SUSP).
 */
export function verifierNouvelleDemande(
  suspensions: readonly SuspensionRules[],
  datesAttribution: readonly Instant[],
  maintenant: Instant,
): ResultatNouvelleDemande {
  const jusquAu = suspenduJusquAu(suspensions, maintenant);
  if (jusquAu) {
    return { ok: false, code: 'SUSPENDU', raison: `Votre accès au service est suspendu jusqu’au ${formatDateParis(jusquAu)} : pas de nouvelle demande.` };
  }
  return { ok: true, ...signalementNouvelleDemande(datesAttribution, maintenant), controleRenforce: controleRenforceRequis(suspensions, maintenant) };
}
