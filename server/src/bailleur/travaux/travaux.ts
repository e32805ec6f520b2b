/**
 * The bailleur page's heavy work, run in a worker thread (./pool.ts, entry ./travaux.worker.mjs):
 * parsing an uploaded spreadsheet and building a dossier PDF (which parses the demandeur's uploaded
 * PDFs). Plain inputs in, bytes or rows out; no database, no file system (the main thread reads the
 * pieces and hands their bytes over).
 */
import type { DossierDesignation, PieceDossier } from '@server/modules/exports/dossierDonnees';
import { construireDossierPdf } from '@server/modules/exports/dossierPdf';

export { lireTableau } from '@server/bailleur/tableau/lecture';

export async function dossierPdf({ dossier, now, fichiers }: { dossier: DossierDesignation; now: Date; fichiers: Record<string, Uint8Array> }) {
  const lire = async (p: PieceDossier) => {
    const octets = fichiers[p.sha256];
    if (!octets) throw new Error('pièce absente');
    return octets;
  };
  return construireDossierPdf(dossier, now, lire); // { octets, pages }
}
