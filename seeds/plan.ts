/** The in-memory plan of the demo population, built before any insert (ids are filled in after). */
import type { DonneesDemande } from '@shared/domain/demande';
import type { Civilite, StatutCompte } from '@shared/domain/enums';
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

/** A planned demande: the demande's data (shared with the server's use cases) and how its story goes. */
export interface DemandePlan extends DonneesDemande {
  entreprise: EntrepriseSeed | null;
  creeLe: Date;
  profil: Profil;
  activite: Activite;
  /** Candidatures of this demande are dated in [creeLe, candidatureAvant]. */
  candidatureAvant: Date;
  /** attribution: the instant the bailleur attributed the dwelling (demande closed just after). */
  attribueLe: Date | null;
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
