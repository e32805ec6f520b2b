import type { PublicCible } from '@shared/domain/enums';
import type { Candidature } from '@console/data/records';

/** A row of the work queue: the candidature with the columns the queue's SQL adds. */
export interface CandidatureFile extends Candidature {
  offreTitre?: string;
  publicCible?: PublicCible;
  controleRenforce?: boolean;
  verrouActiviteLe?: string | null;
  offreNombreLogements?: number;
}

/** The work-queue tabs (custom filter `onglet` of GET /api/candidatures; absent = « Toutes »). */
export const ONGLETS = ['a_traiter', 'mes_dossiers', 'en_instruction', 'transmises', 'sans_reponse_bailleur', 'traitees', 'toutes'] as const;
export type Onglet = (typeof ONGLETS)[number];

export const isOnglet = (value: unknown): value is Onglet => typeof value === 'string' && (ONGLETS as readonly string[]).includes(value);
