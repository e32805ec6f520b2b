import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/** Characters that make a spreadsheet read a text cell as a formula (CSV/formula injection, OWASP). */
const DEBUT_FORMULE = /^[=+\-@\t\r]/;

/**
 * The one guard against formula injection, for every XLSX the back office writes: a text cell
 * starting with = + - @, a tab or a carriage return gets a leading apostrophe, so the spreadsheet
 * shows it as text and never evaluates it. Numbers, dates and null pass unchanged.
 */
export function neutraliser(valeur: unknown): unknown {
  return typeof valeur === 'string' && DEBUT_FORMULE.test(valeur) ? `'${valeur}` : valeur;
}

export type Cellule = string | number | boolean | Date | null;

export interface Colonne {
  /** French header, written on the first row. */
  entete: string;
  largeur?: number;
  /** Excel number format (dates, euros). */
  format?: string;
}

/** Sheet XML allowed to wait for the zip compressor (`FeuilleXlsx.respirer`). */
export const SEUIL_ATTENTE = 1 << 20;

/**
 * A streaming XLSX sheet (exceljs stream.xlsx.WorkbookWriter): each row is written to the file
 * and released as soon as it is added, so memory stays flat whatever the number of rows.
 * Every cell goes through `neutraliser`.
 */
export class FeuilleXlsx {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** The sheet rows go to (e.g. to add data validations). */
  feuille: ExcelJS.Worksheet;
  lignes = 0;

  /** `cible`: a file path, or a stream (e.g. an HTTP response). */
  constructor(cible: string | Writable, nomFeuille: string, colonnes: readonly Colonne[]) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      ...(typeof cible === 'string' ? { filename: cible } : { stream: cible }), useStyles: true, useSharedStrings: false,
    });
    this.workbook.creator = 'Action Logement Services — back-office';
    this.feuille = this.ajouterFeuille(nomFeuille, colonnes);
  }

  /** Adds another sheet (e.g. a summary); rows then go to it. The previous sheet is committed. */
  nouvelleFeuille(nom: string, colonnes: readonly Colonne[]) {
    this.feuille.commit();
    this.feuille = this.ajouterFeuille(nom, colonnes);
  }

  private ajouterFeuille(nom: string, colonnes: readonly Colonne[]) {
    const ws = this.workbook.addWorksheet(nom, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = colonnes.map((c) => ({ width: c.largeur ?? Math.max(12, c.entete.length + 2), style: c.format ? { numFmt: c.format } : {} }));
    const entete = ws.addRow(colonnes.map((c) => neutraliser(c.entete)));
    entete.font = { bold: true };
    entete.commit();
    return ws;
  }

  ajouter(valeurs: readonly Cellule[]) {
    this.feuille.addRow(valeurs.map(neutraliser)).commit();
    this.lignes += 1;
  }

  /**
   * Adds a batch of rows, then waits until the compressor has taken them (see `respirer`): the
   * way every export writes, one cursor batch at a time.
   */
  async ajouterLot(lignes: Iterable<readonly Cellule[]>) {
    for (const valeurs of lignes) this.ajouter(valeurs);
    await this.respirer();
  }

  /**
   * Bytes of sheet XML written but not yet taken by the zip compressor. exceljs's sheet stream
   * (StreamBuf) writes into archiver's entry stream without ever looking at `write()`'s answer, so
   * rows added faster than deflate compresses them pile up there: 48 MB at 50 000 rows, about
   * 100 MB of buffers for a 100 000-row export, whatever the cursor's batch size.
   */
  enAttente(): number {
    const entree = (this.feuille as unknown as { stream?: { pipes?: { _writableState?: { length?: number } }[] } }).stream?.pipes?.[0];
    return entree?._writableState?.length ?? 0;
  }

  /**
   * Backpressure exceljs does not apply: waits (drain, or a few ms at a time) until at most
   * `seuil` bytes of XML wait for the compressor. The writer's memory then stays flat.
   */
  async respirer(seuil = SEUIL_ATTENTE) {
    while (this.enAttente() > seuil) {
      const entree = (this.feuille as unknown as { stream: { pipes: NodeJS.EventEmitter[] } }).stream.pipes[0];
      await new Promise<void>((fin) => {
        const t = setTimeout(suite, 5);
        function suite() {
          clearTimeout(t);
          entree.off('drain', suite);
          fin();
        }
        entree.once('drain', suite);
      });
    }
  }

  async terminer() {
    this.feuille.commit();
    await this.workbook.commit();
  }
}

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/**
 * exceljs writes a Date from its UTC fields; the users read Paris time. This returns the Date
 * whose UTC fields are the Paris wall-clock time of `d`.
 */
export function heureParis(d: Date | string | null): Date | null {
  if (d === null) return null;
  const t = new Date(d).getTime();
  const heure = Math.floor(t / HEURE);
  let decalage = DECALAGES.get(heure);
  if (decalage === undefined) {
    const p = Object.fromEntries(PARIS.formatToParts(new Date(heure * HEURE)).map((x) => [x.type, x.value]));
    decalage = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - heure * HEURE;
    if (DECALAGES.size >= 50_000) DECALAGES.clear();
    DECALAGES.set(heure, decalage);
  }
  return new Date(Math.floor((t + decalage) / 1000) * 1000);
}

/**
 * Paris's offset from UTC per UTC hour: it only changes on the hour (01:00 UTC, summer time), so one
 * formatToParts per hour seen instead of one per cell (≈ 4 µs each: 0.4 s for a 100 000-row export).
 */
const HEURE = 3_600_000;
const DECALAGES = new Map<number, number>();

/** A date-only value ('YYYY-MM-DD') as an Excel date. */
export function jour(d: string | null): Date | null {
  return d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null;
}

export const FORMAT_DATE = 'dd/mm/yyyy';
export const FORMAT_DATE_HEURE = 'dd/mm/yyyy hh:mm';
export const FORMAT_EUROS = '#,##0 "€"';
