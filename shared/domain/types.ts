/**
 * Plain inputs of the rules of `shared/rules/` (docs/regles.md). The server maps its
 * entities onto these shapes, the console its records; the rules never see an ORM object.
 * Field names follow domain.md (camelCase French, no accents).
 */
import type {
  Civilite,
  Contribution,
  FormeOffre,
  NatureOffre,
  PublicCible,
  Reglementation,
  SituationPrioritaire,
  StatutCandidature,
  StatutDemande,
  StatutJustificatif,
  Titulaire,
  TypeJustificatif,
  TypeSuspension,
  Typologie,
} from './enums';

/**
 * An instant stored in UTC: a `Date` or an ISO 8601 string with a time ('2026-03-12T08:14:00Z').
 * A date-only string ('2026-03-12') means that whole calendar day in Europe/Paris: as a start it
 * is 00:00 Paris that day, as an end (finPublication, dateValiditeFin) it lasts until 24:00 Paris.
 */
export type Instant = Date | string;

/** Database ids are integers (ties in the ranking are broken by ascending id). */
export type Id = number;

export interface JustificatifRules {
  id: Id;
  titulaire: Titulaire;
  type: TypeJustificatif;
  statut: StatutJustificatif;
  /** Last moment of validity; null = no expiry. */
  dateValiditeFin: Instant | null;
}

export interface DemandeRules {
  statut: StatutDemande;
  nombrePersonnes: number;
  codemandeur: boolean;
  /** Revenu fiscal de référence N-2 of the household, in euros. */
  revenuFiscalReference: number;
  publicCible: PublicCible;
  situationsPrioritaires: readonly SituationPrioritaire[];
  accompagneServiceSalariesEnDifficulte: boolean;
}

export interface OffreRules {
  id: Id;
  nature: NatureOffre;
  forme: FormeOffre;
  /** null when the offer belongs to no programme (then R-LIMIT-PROG cannot apply). */
  programmeId: Id | null;
  typologie: Typologie;
  reglementation: Reglementation;
  /** Plafond de ressources in euros by household size (1, 2, 3…); empty = no plafond (e.g. `libre`). */
  plafonds: Readonly<Record<number, number>>;
  /** false = never put online by an agent; absent = only the window and `depubliee` decide. */
  publiee?: boolean;
  debutPublication: Instant | null;
  finPublication: Instant | null;
  depubliee: boolean;
}

/** The part of an offer the limits need for the demandeur's other candidatures. */
export type OffreLimiteRules = Pick<OffreRules, 'id' | 'nature' | 'forme' | 'programmeId' | 'typologie'>;

export interface CandidatureRules {
  id: Id;
  statut: StatutCandidature;
  /** To the second. */
  dateCandidature: Instant;
}

export interface SuspensionRules {
  type: TypeSuspension;
  debut: Instant;
  fin: Instant;
  /** When it was lifted early (réclamation), or null. */
  levee: Instant | null;
}

export interface EntrepriseRules {
  siret: string;
  contribution: Contribution;
  droitsPseecRestants: number;
}

export interface SecteursRecherche {
  /** INSEE codes or names of the communes searched around. */
  communes: readonly string[];
  /** 0..100 km. */
  rayonKm: number;
}

/** R-ENT-FIELDS: what an entreprise may read of a demande (§18.5) — exactly these 10 fields. */
export interface VueEntreprise {
  civilite: Civilite;
  nom: string;
  prenom: string;
  dateNaissance: string;
  nomEntreprise: string;
  siret: string;
  codePostalLieuTravail: string;
  communeLieuTravail: string;
  communeLogementActuel: string;
  secteursRecherche: SecteursRecherche;
}

/** The refusal shape shared by every rule: a stable api.md code and a French reason for humans. */
export interface Refus<C extends string = string> {
  code: C;
  raison: string;
}
