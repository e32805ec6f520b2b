/**
 * Dossier completeness (R-RANK-CL, R-ELIG, R-DESIGNATE, R-BAIL-MIN; §2, §11.7, §11.11, §13.2).
 *
 * Required pieces for an offer and a household:
 * 1. the three pièces socles (identite, ressources, avis_imposition) for the demandeur AND, when
 *    there is one, the codemandeur — whatever the reglementation (§2);
 * 2. the pieces of the offer's reglementation (§11.11), table PIECES_PAR_REGLEMENTATION; "foyer"
 *    means demandeur and codemandeur, "demandeur" the demandeur alone:
 *      plai, plus           justificatif_domicile (demandeur)
 *      pls                  justificatif_domicile (demandeur), attestation_employeur (foyer)
 *      pli, libre           attestation_employeur (foyer), bulletin_salaire (foyer)
 *      residence_temporaire attestation_employeur (demandeur)
 *    justificatif_domicile is replaced by attestation_hebergement when the demandeur declares
 *    fin_hebergement, and dropped when they declare sans_domicile or hotel (no home to prove:
 *    the justificatif_situation covers it);
 * 3. pieces of the declared situation: any situation prioritaire → justificatif_situation;
 *    publicCible dalo or daho → reconnaissance_dalo_daho (§7.3, "en cours de validité").
 * Points 1 and 2 are the "reglementaires" pieces: the ones designation requires `valide` and the
 * only ones a bailleur receives. Completeness (ranking) needs 1, 2 and 3 deposited.
 *
 * A piece counts as deposited when its statut is `depose` or `valide` and it has not expired by
 * date (dateValiditeFin reached: instant ≤ now, or past the end of a date-only day in Paris).
 */
import { PIECES_SOCLES, type Reglementation, type StatutJustificatif, type Titulaire, type TypeJustificatif } from '@shared/domain/enums';
import type { DemandeRules, Id, Instant, JustificatifRules, OffreRules } from '@shared/domain/types';
import { versDate } from './calendrier';

export type SourcePiece = 'socle' | 'reglementation' | 'situation';
export type Portee = 'foyer' | 'demandeur';

export interface PieceRequise {
  type: TypeJustificatif;
  titulaire: Titulaire;
  source: SourcePiece;
}

/** One row of the checklist the console shows. `ok` = deposited (counts for completeness). */
export interface LigneChecklist extends PieceRequise {
  justificatifId: Id | null;
  /** Status of the best piece found, null when none was uploaded. */
  statut: StatutJustificatif | null;
  expire: boolean;
  validee: boolean;
  ok: boolean;
}

export type FoyerPieces = Pick<DemandeRules, 'codemandeur' | 'situationsPrioritaires' | 'publicCible'>;
export type OffrePieces = Pick<OffreRules, 'reglementation'>;

export const PIECES_PAR_REGLEMENTATION: Readonly<Record<Reglementation, readonly { type: TypeJustificatif; portee: Portee }[]>> = {
  plai: [{ type: 'justificatif_domicile', portee: 'demandeur' }],
  plus: [{ type: 'justificatif_domicile', portee: 'demandeur' }],
  pls: [
    { type: 'justificatif_domicile', portee: 'demandeur' },
    { type: 'attestation_employeur', portee: 'foyer' },
  ],
  pli: [
    { type: 'attestation_employeur', portee: 'foyer' },
    { type: 'bulletin_salaire', portee: 'foyer' },
  ],
  libre: [
    { type: 'attestation_employeur', portee: 'foyer' },
    { type: 'bulletin_salaire', portee: 'foyer' },
  ],
  residence_temporaire: [{ type: 'attestation_employeur', portee: 'demandeur' }],
};

function titulaires(portee: Portee, foyer: Pick<DemandeRules, 'codemandeur'>): Titulaire[] {
  return portee === 'foyer' && foyer.codemandeur ? ['demandeur', 'codemandeur'] : ['demandeur'];
}

/** The piece standing for "justificatif_domicile" given the declared situations (or null). */
function pieceLogementActuel(foyer: FoyerPieces): TypeJustificatif | null {
  const s = foyer.situationsPrioritaires;
  if (s.includes('sans_domicile') || s.includes('hotel')) return null;
  return s.includes('fin_hebergement') ? 'attestation_hebergement' : 'justificatif_domicile';
}

/** Socles + reglementation pieces (R-DESIGNATE, R-BAIL-MIN). */
export function piecesReglementaires(offre: OffrePieces, foyer: FoyerPieces): PieceRequise[] {
  const pieces: PieceRequise[] = titulaires('foyer', foyer).flatMap((titulaire) =>
    PIECES_SOCLES.map((type) => ({ type, titulaire, source: 'socle' as const })),
  );
  for (const { type, portee } of PIECES_PAR_REGLEMENTATION[offre.reglementation]) {
    const effectif = type === 'justificatif_domicile' ? pieceLogementActuel(foyer) : type;
    if (effectif === null) continue;
    for (const titulaire of titulaires(portee, foyer)) pieces.push({ type: effectif, titulaire, source: 'reglementation' });
  }
  return pieces;
}

/** Every piece required for this offer and this household (completeness, R-RANK-CL). */
export function piecesRequises(offre: OffrePieces, foyer: FoyerPieces): PieceRequise[] {
  const pieces = piecesReglementaires(offre, foyer);
  if (foyer.situationsPrioritaires.length > 0) pieces.push({ type: 'justificatif_situation', titulaire: 'demandeur', source: 'situation' });
  if (foyer.publicCible === 'dalo' || foyer.publicCible === 'daho') {
    pieces.push({ type: 'reconnaissance_dalo_daho', titulaire: 'demandeur', source: 'situation' });
  }
  return pieces;
}

type PieceDatee = Pick<JustificatifRules, 'statut' | 'dateValiditeFin'>;

/** Expired: statut `expire`, or dateValiditeFin reached. */
export function estExpire(j: PieceDatee, maintenant: Instant): boolean {
  if (j.statut === 'expire') return true;
  return j.dateValiditeFin !== null && versDate(j.dateValiditeFin, 'fin').getTime() <= versDate(maintenant).getTime();
}

/** Counts as deposited: `depose` or `valide`, and not expired. */
export function estDeposee(j: PieceDatee, maintenant: Instant): boolean {
  return (j.statut === 'depose' || j.statut === 'valide') && !estExpire(j, maintenant);
}

export function estValidee(j: PieceDatee, maintenant: Instant): boolean {
  return j.statut === 'valide' && !estExpire(j, maintenant);
}

function qualite(j: JustificatifRules, maintenant: Instant): number {
  if (estValidee(j, maintenant)) return 0;
  if (estDeposee(j, maintenant)) return 1;
  return estExpire(j, maintenant) ? 2 : 3;
}

/** The piece that speaks for (type, titulaire): valid > deposited > expired > refused/falsified; newest id first. */
export function meilleurePiece<J extends JustificatifRules>(
  justificatifs: readonly J[],
  piece: Pick<PieceRequise, 'type' | 'titulaire'>,
  maintenant: Instant,
): J | null {
  const candidates = justificatifs
    .filter((j) => j.type === piece.type && j.titulaire === piece.titulaire)
    .sort((a, b) => qualite(a, maintenant) - qualite(b, maintenant) || b.id - a.id);
  return candidates[0] ?? null;
}

function ligne(piece: PieceRequise, justificatifs: readonly JustificatifRules[], maintenant: Instant): LigneChecklist {
  const j = meilleurePiece(justificatifs, piece, maintenant);
  if (!j) return { ...piece, justificatifId: null, statut: null, expire: false, validee: false, ok: false };
  return {
    ...piece,
    justificatifId: j.id,
    statut: j.statut,
    expire: estExpire(j, maintenant),
    validee: estValidee(j, maintenant),
    ok: estDeposee(j, maintenant),
  };
}

/** Per-piece checklist over every required piece, in the order of piecesRequises. */
export function checklist(offre: OffrePieces, foyer: FoyerPieces, justificatifs: readonly JustificatifRules[], maintenant: Instant): LigneChecklist[] {
  return piecesRequises(offre, foyer).map((piece) => ligne(piece, justificatifs, maintenant));
}

/** Every required piece deposited (tier 1 of R-RANK-CL). */
export function dossierComplet(offre: OffrePieces, foyer: FoyerPieces, justificatifs: readonly JustificatifRules[], maintenant: Instant): boolean {
  return checklist(offre, foyer, justificatifs, maintenant).every((l) => l.ok);
}

/** The pièces socles of demandeur and codemandeur deposited (tier 2 of R-RANK-CL). */
export function soclesDeposes(foyer: Pick<DemandeRules, 'codemandeur'>, justificatifs: readonly JustificatifRules[], maintenant: Instant): boolean {
  return titulaires('foyer', foyer).every((titulaire) =>
    PIECES_SOCLES.every((type) => justificatifs.some((j) => j.type === type && j.titulaire === titulaire && estDeposee(j, maintenant))),
  );
}

/**
 * « Demander la pièce » (issue #15): an agent may ask the demandeur for a required piece only while
 * it does not count (never deposited, refused, expired or falsified); a piece deposited and waiting
 * for its check, or validated, is there already.
 */
export function pieceADemander(ligne: Pick<LigneChecklist, 'ok'>): boolean {
  return !ligne.ok;
}
