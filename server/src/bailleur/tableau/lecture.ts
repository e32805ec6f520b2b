/**
 * Reads the bailleur's uploaded decisions spreadsheet into plain rows. Runs in a worker thread
 * (../travaux: bounded heap, timeout); never touches the database: the main thread validates and
 * applies the rows.
 */
import ExcelJS from 'exceljs';
import { ENTETES, LIMITES_TABLEAU, type LigneLue, type ResultatLecture } from './colonnes';
import { apercuZip } from './zip';

const refus = (code: string, raison: string): ResultatLecture => ({ ok: false, code, raison });

/** A cell as text or date: rich text, hyperlinks and formula results are read as what they show. */
function valeur(v: ExcelJS.CellValue): string | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
    if ('text' in v && typeof v.text === 'string') return v.text.trim() || null;
    if ('result' in v) return valeur((v.result ?? null) as ExcelJS.CellValue);
  }
  return null;
}

const texte = (v: string | Date | null): string | null => (v instanceof Date ? null : v);

export async function lireTableau(octets: Uint8Array): Promise<ResultatLecture> {
  const zip = apercuZip(octets);
  if (!zip) return refus('TABLEAU_ILLISIBLE', 'Ce fichier n’est pas un classeur Excel (.xlsx) lisible.');
  if (zip.entrees > LIMITES_TABLEAU.entrees || zip.tailleDecompressee > LIMITES_TABLEAU.decompresses) {
    return refus('TABLEAU_TROP_VOLUMINEUX', 'Ce classeur est trop volumineux une fois décompressé : renvoyez le tableau reçu, sans autre contenu.');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength) as unknown as ArrayBuffer);
  } catch {
    return refus('TABLEAU_ILLISIBLE', 'Ce fichier n’est pas un classeur Excel (.xlsx) lisible.');
  }
  for (const ws of wb.worksheets) {
    const entete = ws.getRow(1);
    const col: Partial<Record<keyof typeof ENTETES, number>> = {};
    entete.eachCell((cell, n) => {
      const t = texte(valeur(cell.value));
      for (const [cle, libelle] of Object.entries(ENTETES)) if (t === libelle) col[cle as keyof typeof ENTETES] = n;
    });
    if (!col.reference || !col.decision) continue;
    if (ws.actualRowCount - 1 > LIMITES_TABLEAU.lignes) {
      return refus('TABLEAU_TROP_DE_LIGNES', `Au plus ${LIMITES_TABLEAU.lignes} lignes par tableau.`);
    }
    const lignes: LigneLue[] = [];
    const lire = (row: ExcelJS.Row, n: number | undefined) => (n ? valeur(row.getCell(n).value) : null);
    ws.eachRow((row, numero) => {
      if (numero === 1) return;
      const l: LigneLue = {
        ligne: numero,
        reference: texte(lire(row, col.reference)),
        decision: texte(lire(row, col.decision)),
        motif: texte(lire(row, col.motif)),
        commentaire: texte(lire(row, col.commentaire)),
        dateCaleol: lire(row, col.dateCaleol),
      };
      if (l.reference || l.decision || l.motif || l.commentaire || l.dateCaleol) lignes.push(l);
    });
    return { ok: true, lignes };
  }
  return refus('TABLEAU_SANS_COLONNES', `Colonnes « ${ENTETES.reference} » et « ${ENTETES.decision} » introuvables : renvoyez le tableau téléchargé sur la page, complété.`);
}
