/**
 * R-RANK-CL, R-RANK-CD, R-RANK-HPC, R-RANK-EXPLAIN (§13.2, §13.3, §13.5, §13.6, §13.7):
 * the indicative ranking of the open candidatures of one offer.
 *
 * Palier encoding — the server's SQL ranking must compute exactly this integer:
 *
 *   palier = (publicCible = 'hors_public_cible' ? 10 : 0) + tier
 *
 *   tier, classique offers (R-RANK-CL)          tier, courte_duree offers (R-RANK-CD)
 *   1  every required piece deposited            1  accompagneServiceSalariesEnDifficulte
 *   2  the socles deposited, the rest not        2  ≥ 1 situation prioritaire declared AND a `valide`,
 *   3  the others                                   unexpired justificatif_situation of the demandeur
 *                                                3  the others
 *
 * so public-cible paliers are 1..3 and hors-public-cible ones 11..13: hors public cible always
 * comes last (R-RANK-HPC) and tiers never interleave. The order is the lexicographic
 * (palier ASC, dateCandidature ASC, id ASC) — a total order, as ids are unique. "Deposited"
 * and "complete" are those of ./completude (statut depose|valide, not expired at `maintenant`).
 */
import type { NatureOffre } from '@shared/domain/enums';
import type { CandidatureRules, DemandeRules, Id, Instant, JustificatifRules, OffreRules } from '@shared/domain/types';
import { formatDateHeureParis, versDate } from './calendrier';
import { estOuvert } from './candidature';
import { dossierComplet, estValidee, soclesDeposes } from './completude';

export const DECALAGE_HORS_PUBLIC_CIBLE = 10;

export type FoyerClassement = Pick<
  DemandeRules,
  'codemandeur' | 'situationsPrioritaires' | 'publicCible' | 'accompagneServiceSalariesEnDifficulte'
>;
export type OffreClassement = Pick<OffreRules, 'nature' | 'reglementation'>;

export interface EntreeClassement {
  candidature: CandidatureRules;
  demande: FoyerClassement;
  justificatifs: readonly JustificatifRules[];
}

export interface LigneClassement {
  candidatureId: Id;
  rang: number;
  palier: number;
  libellePalier: string;
  /** R-RANK-EXPLAIN: "dossier complet, candidature du 12/03/2026 à 09:14". */
  motif: string;
  dateCandidature: Date;
}

const TIERS: Record<NatureOffre, readonly [string, string, string]> = {
  classique: ['dossier complet', 'pièces socles déposées', 'dossier incomplet'],
  courte_duree: ['accompagné par le service dédié aux salariés en difficulté', 'situation prioritaire justifiée', 'sans situation prioritaire justifiée'],
};

function tier(offre: OffreClassement, entree: EntreeClassement, maintenant: Instant): 1 | 2 | 3 {
  const { demande, justificatifs } = entree;
  if (offre.nature === 'classique') {
    if (dossierComplet(offre, demande, justificatifs, maintenant)) return 1;
    return soclesDeposes(demande, justificatifs, maintenant) ? 2 : 3;
  }
  if (demande.accompagneServiceSalariesEnDifficulte) return 1;
  const justifiee =
    demande.situationsPrioritaires.length > 0 &&
    justificatifs.some((j) => j.type === 'justificatif_situation' && j.titulaire === 'demandeur' && estValidee(j, maintenant));
  return justifiee ? 2 : 3;
}

/** The palier of one candidature (lower is better); see the encoding above. */
export function palierCandidature(offre: OffreClassement, entree: EntreeClassement, maintenant: Instant): number {
  const hors = entree.demande.publicCible === 'hors_public_cible' ? DECALAGE_HORS_PUBLIC_CIBLE : 0;
  return hors + tier(offre, entree, maintenant);
}

/** Decodes a palier (e.g. one computed in SQL) into its French label. */
export function libellePalier(nature: NatureOffre, palier: number): string {
  const hors = palier > DECALAGE_HORS_PUBLIC_CIBLE;
  const libelle = TIERS[nature][(palier % DECALAGE_HORS_PUBLIC_CIBLE) - 1];
  return hors ? `hors public cible, ${libelle}` : libelle;
}

/** Every palier of a nature with its label (e.g. for SQL that writes the motif itself): 1..3 and 11..13. */
export function libellesPaliers(nature: NatureOffre): Record<number, string> {
  const paliers = TIERS[nature].flatMap((_, i) => [i + 1, i + 1 + DECALAGE_HORS_PUBLIC_CIBLE]);
  return Object.fromEntries(paliers.map((p) => [p, libellePalier(nature, p)]));
}

/** R-RANK-EXPLAIN: the reason in words. */
export function motifClassement(nature: NatureOffre, palier: number, dateCandidature: Instant): string {
  return `${libellePalier(nature, palier)}, candidature du ${formatDateHeureParis(dateCandidature)}`;
}

export interface CleClassement {
  palier: number;
  dateCandidature: Instant;
  id: Id;
}

/** The ranking order: palier, then dateCandidature, then id (all ascending). */
export function comparerClassement(a: CleClassement, b: CleClassement): number {
  return (
    a.palier - b.palier ||
    versDate(a.dateCandidature).getTime() - versDate(b.dateCandidature).getTime() ||
    a.id - b.id
  );
}

/** Ranks the open candidatures among `entrees` (other statuses are ignored); rang 1 first. */
export function classer(offre: OffreClassement, entrees: readonly EntreeClassement[], maintenant: Instant): LigneClassement[] {
  return entrees
    .filter((e) => estOuvert(e.candidature.statut))
    .map((e) => ({
      palier: palierCandidature(offre, e, maintenant),
      dateCandidature: versDate(e.candidature.dateCandidature),
      id: e.candidature.id,
    }))
    .sort(comparerClassement)
    .map((cle, index) => ({
      candidatureId: cle.id,
      rang: index + 1,
      palier: cle.palier,
      libellePalier: libellePalier(offre.nature, cle.palier),
      motif: motifClassement(offre.nature, cle.palier, cle.dateCandidature),
      dateCandidature: cle.dateCandidature,
    }));
}
