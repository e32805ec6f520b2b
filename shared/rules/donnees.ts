/**
 * Data given to others.
 * - R-ENT-FIELDS (§18.5): an entreprise reads exactly the 10 fields of CHAMPS_ENTREPRISE, nothing
 *   else, ever — projectionEntreprise copies those (secteursRecherche field by field too) and drops
 *   whatever else the source object carries.
 * - R-BAIL-MIN (§11.12): a designation carries only the pieces the offer's reglementation
 *   requires (socles + reglementation pieces of ./completude, never the situation or DALO pieces),
 *   one per (type, titulaire): the best `valide`, unexpired one.
 */
import type { Instant, JustificatifRules, VueEntreprise } from '@shared/domain/types';
import { meilleurePiece, estValidee, piecesReglementaires, type FoyerPieces, type OffrePieces } from './completude';

export const CHAMPS_ENTREPRISE = [
  'civilite',
  'nom',
  'prenom',
  'dateNaissance',
  'nomEntreprise',
  'siret',
  'codePostalLieuTravail',
  'communeLieuTravail',
  'communeLogementActuel',
  'secteursRecherche',
] as const satisfies readonly (keyof VueEntreprise)[];

/** Compile-time guard: CHAMPS_ENTREPRISE lists every key of VueEntreprise. */
export type ChampsEntrepriseExhaustifs = Exclude<keyof VueEntreprise, (typeof CHAMPS_ENTREPRISE)[number]> extends never ? true : false;
export const CHAMPS_ENTREPRISE_EXHAUSTIFS: ChampsEntrepriseExhaustifs = true;

/** R-ENT-FIELDS: the entreprise's read-only view of a demande, from any richer object. */
export function projectionEntreprise(source: VueEntreprise): VueEntreprise {
  return {
    civilite: source.civilite,
    nom: source.nom,
    prenom: source.prenom,
    dateNaissance: source.dateNaissance,
    nomEntreprise: source.nomEntreprise,
    siret: source.siret,
    codePostalLieuTravail: source.codePostalLieuTravail,
    communeLieuTravail: source.communeLieuTravail,
    communeLogementActuel: source.communeLogementActuel,
    secteursRecherche: { communes: [...source.secteursRecherche.communes], rayonKm: source.secteursRecherche.rayonKm },
  };
}

/** R-BAIL-MIN: the justificatifs a bailleur may receive with this designation. */
export function piecesTransmissiblesBailleur<J extends JustificatifRules>(
  offre: OffrePieces,
  foyer: FoyerPieces,
  justificatifs: readonly J[],
  maintenant: Instant,
): J[] {
  return piecesReglementaires(offre, foyer)
    .map((piece) => meilleurePiece(justificatifs, piece, maintenant))
    .filter((j): j is J => j !== null && estValidee(j, maintenant));
}
