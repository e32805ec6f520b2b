import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FeuilleXlsx, heureParis, SEUIL_ATTENTE, type Cellule } from './xlsx';

/** The former heureParis: one Intl.formatToParts per value. */
const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
function reference(d: Date): Date {
  const p = Object.fromEntries(PARIS.formatToParts(d).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second));
}

describe('heureParis (Paris wall-clock time for exceljs)', () => {
  it('VOLUME-EXPORT-HEURE: the offset cached per UTC hour gives what formatToParts gives, across the summer-time changes', () => {
    const instants: Date[] = [];
    // Around both changes of 2026 (29 March and 25 October, 01:00 UTC), minute by minute, with milliseconds.
    for (const pivot of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2025-10-26T01:00:00Z']) {
      for (let m = -150; m <= 150; m++) instants.push(new Date(Date.parse(pivot) + m * 60_000 + (m % 7) * 137));
    }
    // And spread over the years the data covers.
    for (let i = 0; i < 2000; i++) instants.push(new Date(Date.parse('1990-01-01T00:00:00Z') + i * 1_000_003_777 + (i % 1000)));
    for (const d of instants) expect(heureParis(d)?.toISOString(), d.toISOString()).toBe(reference(d).toISOString());
    expect(heureParis(null)).toBeNull();
    expect(heureParis('2026-07-14T10:30:15.900Z')?.toISOString()).toBe('2026-07-14T12:30:15.000Z');
  });
});

describe('FeuilleXlsx (streaming XLSX)', () => {
  const lot = (debut: number): Cellule[][] =>
    Array.from({ length: 1000 }, (_, i) => [`CAN-${debut + i}`, `Nom${debut + i}`, `Prénom ${debut + i}`, 'Transmise au bailleur', debut + i, new Date(Date.UTC(2026, 0, 1, 0, i))]);
  const colonnes = ['Référence', 'Nom', 'Prénom', 'Statut', 'Rang', 'Date'].map((entete) => ({ entete }));

  it('VOLUME-EXPORT-MEMOIRE: a batch waits for the compressor, so the XML waiting in memory stays under the threshold', async () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'als-xlsx-'));
    try {
      // Without the wait, the same rows pile up: exceljs never looks at write()'s answer.
      const sansAttente = new FeuilleXlsx(path.join(dossier, 'a.xlsx'), 'Feuille', colonnes);
      for (let b = 0; b < 20; b++) for (const l of lot(b * 1000)) sansAttente.ajouter(l);
      expect(sansAttente.enAttente()).toBeGreaterThan(4 * SEUIL_ATTENTE);
      await sansAttente.terminer();

      const fichier = path.join(dossier, 'b.xlsx');
      const feuille = new FeuilleXlsx(fichier, 'Feuille', colonnes);
      let pic = 0;
      for (let b = 0; b < 20; b++) {
        await feuille.ajouterLot(lot(b * 1000));
        pic = Math.max(pic, feuille.enAttente());
      }
      await feuille.terminer();
      expect(pic).toBeLessThanOrEqual(SEUIL_ATTENTE);
      const relu = new ExcelJS.Workbook();
      await relu.xlsx.readFile(fichier);
      const ws = relu.getWorksheet('Feuille')!;
      expect(ws.rowCount).toBe(20_001);
      expect(ws.getRow(20_001).getCell(1).value).toBe('CAN-19999');
    } finally {
      rmSync(dossier, { recursive: true, force: true });
    }
  });
});
