/**
 * A demande's own data (table `demande`, camelCase), one shape for everyone who holds a whole
 * demande: the server's use cases read it (server/src/modules/demandes/donneesDemandeur.ts) and the
 * demo seed plans it (seeds/plan.ts). The rules read the part of it `demandeRules` derives.
 */
import type { MotifCloture, PublicCible, SituationPrioritaire, StatutDemande } from './enums';
import type { Id } from './types';

export interface Codemandeur {
  civilite: 'M' | 'Mme';
  nom: string;
  prenom: string;
  dateNaissance: string;
}

export interface SecteurRecherche {
  codeInsee: string;
  commune: string;
  /** 0..100 km. */
  rayonKm: number;
}

export interface DonneesDemande {
  id: Id;
  reference: string;
  statut: StatutDemande;
  motifCloture: MotifCloture | null;
  clotureLe: Date | null;
  nombrePersonnes: number;
  codemandeur: Codemandeur | null;
  /** Revenu fiscal de référence N-2 of the household, in euros. */
  revenuFiscalReference: number;
  publicCible: PublicCible;
  lieuTravailCodePostal: string | null;
  lieuTravailCommune: string | null;
  communeLogementActuel: string | null;
  secteursRecherche: SecteurRecherche[];
  situationsPrioritaires: SituationPrioritaire[];
  /** §13.6 tier 1, set by an agent. */
  accompagneServiceSalariesEnDifficulte: boolean;
  /** §11.13: after a suspension, until an agent clears it. */
  controleRenforce: boolean;
  /** R-REAPPLY: a new demande within 12 months of an attribution. */
  signaleReattribution: boolean;
  derniereMiseAJour: Date;
}
