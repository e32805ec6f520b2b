import type { Colonne } from '@server/modules/exports/xlsx';
import { FORMAT_DATE } from '@server/modules/exports/xlsx';

/** The headers the upload looks for (the rest of the designations columns is there to read, not to fill). */
export const ENTETES = {
  reference: 'Référence candidature',
  decision: 'Décision du bailleur',
  motif: 'Motif de non-retenue',
  commentaire: 'Commentaire du bailleur',
  dateCaleol: 'Date de CALEOL',
} as const;

/** The four columns the bailleur fills, after the designations columns. */
export const COLONNES_DECISION: readonly Colonne[] = [
  { entete: ENTETES.decision, largeur: 18 },
  { entete: ENTETES.motif, largeur: 44 },
  { entete: ENTETES.commentaire, largeur: 40 },
  { entete: ENTETES.dateCaleol, largeur: 14, format: FORMAT_DATE },
];

/** Limits of an uploaded spreadsheet: bytes sent, bytes once inflated, ZIP entries, data rows. */
export const LIMITES_TABLEAU = {
  octets: 2 * 1024 * 1024,
  decompresses: 40 * 1024 * 1024,
  entrees: 200,
  lignes: 2000,
  /** The parsing worker's heap and time. */
  memoireMo: 192,
  delaiMs: 20_000,
} as const;

/** One data row as read from the file: raw cell values (text, an Excel date, null). */
export interface LigneLue {
  ligne: number;
  reference: string | null;
  decision: string | null;
  motif: string | null;
  commentaire: string | null;
  dateCaleol: string | Date | null;
}

export type ResultatLecture = { ok: true; lignes: LigneLue[] } | { ok: false; code: string; raison: string };
