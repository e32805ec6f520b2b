/** The in-memory plan of the demo population, built before any insert (ids are filled in after). */
import type { Civilite, MotifCloture, PublicCible, SituationPrioritaire, StatutCompte, StatutDemande } from '../shared/domain/enums';
import type { Codemandeur, SecteurRecherche } from '../server/src/modules/demandes/Demande.entity';
import type { EntrepriseSeed } from './entreprises';

/** How well the dossier is documented: drives the justificatifs and so the ranking tiers. */
export type Profil = 'valide' | 'complet' | 'socles' | 'incomplet';

/** R-INACT position of an open demande (the job's calendar: 3 months, 4 months − 3 days, 4 months). */
export type Activite = 'actif' | 'avertissement' | 'relance' | 'echeance';

/** The story of the person, decided up front so that every table tells the same one. */
export type Cas =
  | 'normal'
  | 'a_verifier'
  | 'brouillon'
  | 'ferme'
  | 'attributaire'
  | 'reattribution'
  | 'cloture_agent'
  | 'inactivite_close'
  | 'suspendu_fraude'
  | 'suspendu_incivilite'
  | 'suspension_terminee'
  | 'recidive'
  | 'suspension_levee';

export interface SuspensionPlan {
  type: 'fraude' | 'incivilite';
  debut: Date;
  dureeMois: number;
  motif: string;
  recidive: boolean;
  levee: { le: Date; motif: string } | null;
}

export interface DemandePlan {
  reference: string;
  statut: StatutDemande;
  motifCloture: MotifCloture | null;
  clotureLe: Date | null;
  nombrePersonnes: number;
  codemandeur: Codemandeur | null;
  revenuFiscalReference: number;
  publicCible: PublicCible;
  entreprise: EntrepriseSeed | null;
  lieuTravailCodePostal: string | null;
  lieuTravailCommune: string | null;
  communeLogementActuel: string | null;
  secteursRecherche: SecteurRecherche[];
  situationsPrioritaires: SituationPrioritaire[];
  accompagneServiceSalariesEnDifficulte: boolean;
  controleRenforce: boolean;
  signaleReattribution: boolean;
  derniereMiseAJour: Date;
  creeLe: Date;
  profil: Profil;
  activite: Activite;
  /** Candidatures of this demande are dated in [creeLe, candidatureAvant]. */
  candidatureAvant: Date;
  /** attribution: the instant the bailleur attributed the dwelling (demande closed just after). */
  attribueLe: Date | null;
  id: number;
}

export interface PersonnePlan {
  n: number;
  civilite: Civilite;
  nom: string;
  prenom: string;
  email: string;
  dateNaissance: string;
  telephone: string | null;
  statutCompte: StatutCompte;
  creeLe: Date;
  emailVerifieLe: Date | null;
  cguVersionAcceptee: string | null;
  derniereConnexion: Date | null;
  departement: string;
  cas: Cas;
  /** Chronological; the last one is the current demande. */
  demandes: DemandePlan[];
  suspensions: SuspensionPlan[];
  id: number;
}

export const CGU_VERSION = '2025-09';

export function demandeCourante(p: PersonnePlan): DemandePlan {
  return p.demandes[p.demandes.length - 1];
}
