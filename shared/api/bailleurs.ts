import type { DecisionBailleur, MotifNonRetenueBailleur, OrigineEnvoiBailleur, StatutCandidature } from '@shared/domain/enums';

/**
 * The shapes of issue #18's routes, read by the server that builds them and by the console and the
 * bailleur's page that show them. Instants are Dates on the server and ISO 8601 strings on the wire.
 */
export type Horodatage = Date | string;

/** POST /api/{candidatures,offres,exports}/:id/envoyer-bailleur → 201. */
export interface ResultatEnvoi {
  envoiId: number;
  /** The link the mail carries (its token is not in the answer, nor stored: R-BAIL-LIEN). */
  lienId: number;
  destinataire: string;
  expireLe: Horodatage;
  candidatures: number;
}

/** One envoi as the console tracks it: « envoyé le …, ouvert le …, téléchargé le … ». */
export interface SuiviEnvoi {
  id: number;
  origine: OrigineEnvoiBailleur;
  envoyeLe: Horodatage;
  /** The sending agent; null for the reminder job. */
  agent: string | null;
  destinataire: string;
  nombreCandidatures: number;
  expireLe: Horodatage;
  revoqueLe: Horodatage | null;
  /** First opening of the page through the envoi's link, and how many. */
  ouvertLe: Horodatage | null;
  ouvertures: number;
  candidatures: SuiviCandidatureEnvoi[];
}

export interface SuiviCandidatureEnvoi {
  candidatureId: number;
  reference: string;
  demandeur: string;
  statut: StatutCandidature;
  decision: DecisionBailleur | null;
  dateCaleol: string | null;
  /** First and last download of its dossier or of a spreadsheet listing it, through this envoi. */
  telechargeLe: Horodatage | null;
  dernierTelechargementLe: Horodatage | null;
  telechargements: number;
}

export interface DecisionBailleurVue {
  decision: DecisionBailleur;
  motif: MotifNonRetenueBailleur | null;
  commentaire: string | null;
  /** 'YYYY-MM-DD'. */
  dateCaleol: string;
  source: 'page' | 'tableau';
  decideLe: Horodatage;
  bailleur: string;
}

/** GET /api/candidatures/:id/envois-bailleur. */
export interface SuiviCandidature {
  envois: SuiviEnvoi[];
  decision: DecisionBailleurVue | null;
}

/** GET /api/offres/:id/envois-bailleur (the last 50). */
export interface SuiviOffre {
  envois: SuiviEnvoi[];
}

/** The bailleur's page: POST/GET /api/bailleur/session. */
export interface SessionBailleur {
  bailleur: string;
  /** When the link stops working. */
  expireLe: Horodatage;
}

/** A candidature awaiting the bailleur: what identifies the file; the rest is in the dossier PDF. */
export interface CandidatureEnAttente {
  id: number;
  reference: string;
  designeeLe: Horodatage;
  envoyeeLe: Horodatage;
  offre: { reference: string; titre: string; typologie: string; commune: string; codePostal: string };
  demandeur: { civilite: string; prenom: string; nom: string };
  nombrePersonnes: number;
  /** R-BAIL-MIN: the pieces joined to the dossier PDF (labels). */
  pieces: string[];
  telechargeLe: Horodatage | null;
}

export interface CandidatureDecidee {
  id: number;
  reference: string;
  offre: string;
  statut: StatutCandidature;
  decision: DecisionBailleur | null;
  dateCaleol: string | null;
  decideLe: Horodatage | null;
}

/** GET /api/bailleur/candidatures. */
export interface ListeBailleur {
  enAttente: CandidatureEnAttente[];
  decidees: CandidatureDecidee[];
}

/** POST /api/bailleur/candidatures/:id/decision. */
export interface CorpsDecisionBailleur {
  decision: DecisionBailleur;
  motif?: MotifNonRetenueBailleur | null;
  commentaire?: string | null;
  /** 'YYYY-MM-DD' or 'JJ/MM/AAAA'. */
  dateCaleol: string;
}

export interface DecisionEnregistree {
  candidatureId: number;
  reference: string;
  decision: DecisionBailleur;
  dateCaleol: string;
}

/** POST /api/bailleur/tableau: one line per data row of the spreadsheet. */
export interface LigneRapport {
  ligne: number;
  reference: string | null;
  resultat: 'appliquee' | 'refusee' | 'ignoree';
  decision?: DecisionBailleur;
  code?: string;
  raison?: string;
}

export interface RapportTableau {
  lignes: LigneRapport[];
  appliquees: number;
  refusees: number;
  ignorees: number;
}
