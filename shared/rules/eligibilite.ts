/**
 * R-ELIG (§11.9, §11.10, §11.16, "Offre de logement classique" §2): is a household eligible to
 * an offer — resources under the plafond, a typologie suited to its size, no required piece
 * expired. Publication is R-PUB's business (./publication), the limits ./limites'.
 *
 * Typologie suited to the household size (persons, inclusive), table TAILLES_PAR_TYPOLOGIE:
 *   chambre 1 · studio 1–2 · T1 1–2 · T2 1–3 · T3 2–5 · T4 3–6 · T5 4–8 · T6 5 and more
 * (no over-occupation — about one room per couple/two children — and no gross under-occupation).
 *
 * Plafond: the offer's plafonds map household size → euros. The entry of the household size
 * applies; past the largest size listed, the largest size's entry; below the smallest, the
 * smallest's. An empty map means no plafond (e.g. `libre`). Eligible when revenu ≤ plafond.
 */
import type { Typologie } from '@shared/domain/enums';
import type { DemandeRules, Instant, JustificatifRules, OffreRules, Refus } from '@shared/domain/types';
import { checklist, type FoyerPieces, type OffrePieces } from './completude';

export const TAILLES_PAR_TYPOLOGIE: Readonly<Record<Typologie, { min: number; max: number }>> = {
  chambre: { min: 1, max: 1 },
  studio: { min: 1, max: 2 },
  T1: { min: 1, max: 2 },
  T2: { min: 1, max: 3 },
  T3: { min: 2, max: 5 },
  T4: { min: 3, max: 6 },
  T5: { min: 4, max: 8 },
  T6: { min: 5, max: Number.POSITIVE_INFINITY },
};

export function typologieAdaptee(typologie: Typologie, nombrePersonnes: number): boolean {
  const { min, max } = TAILLES_PAR_TYPOLOGIE[typologie];
  return nombrePersonnes >= min && nombrePersonnes <= max;
}

export function typologiesAdaptees(nombrePersonnes: number): Typologie[] {
  return (Object.keys(TAILLES_PAR_TYPOLOGIE) as Typologie[]).filter((t) => typologieAdaptee(t, nombrePersonnes));
}

/** The plafond in euros for this household size, or null when the offer has none. */
export function plafondApplicable(plafonds: OffreRules['plafonds'], nombrePersonnes: number): number | null {
  const tailles = Object.keys(plafonds)
    .map(Number)
    .sort((a, b) => a - b);
  if (tailles.length === 0) return null;
  const taille = tailles.filter((t) => t <= nombrePersonnes).pop() ?? tailles[0];
  return plafonds[taille];
}

export type OffreEligibilite = Pick<OffreRules, 'typologie' | 'plafonds'> & OffrePieces;
export type FoyerEligibilite = Pick<DemandeRules, 'nombrePersonnes' | 'revenuFiscalReference'> & FoyerPieces;

const FORMAT_EUROS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const euros = (n: number): string => `${FORMAT_EUROS.format(n)} €`;

/** Every reason the household is not eligible (all code NON_ELIGIBLE); empty = eligible. */
export function verifierEligibilite(
  offre: OffreEligibilite,
  foyer: FoyerEligibilite,
  justificatifs: readonly JustificatifRules[],
  maintenant: Instant,
): Refus<'NON_ELIGIBLE'>[] {
  const refus: Refus<'NON_ELIGIBLE'>[] = [];
  const plafond = plafondApplicable(offre.plafonds, foyer.nombrePersonnes);
  if (plafond !== null && foyer.revenuFiscalReference > plafond) {
    refus.push({
      code: 'NON_ELIGIBLE',
      raison: `Revenu fiscal de référence (${euros(foyer.revenuFiscalReference)}) au-dessus du plafond de ${euros(plafond)} pour ${foyer.nombrePersonnes} personne(s).`,
    });
  }
  if (!typologieAdaptee(offre.typologie, foyer.nombrePersonnes)) {
    refus.push({ code: 'NON_ELIGIBLE', raison: `Un logement ${offre.typologie} n’est pas adapté à un foyer de ${foyer.nombrePersonnes} personne(s).` });
  }
  const expirees = checklist(offre, foyer, justificatifs, maintenant).filter((l) => l.expire && !l.ok);
  if (expirees.length > 0) {
    const liste = expirees.map((l) => `${l.type} (${l.titulaire})`).join(', ');
    refus.push({ code: 'NON_ELIGIBLE', raison: `Pièce(s) expirée(s) à mettre à jour : ${liste}.` });
  }
  return refus;
}
