import type { Piscina } from 'piscina';
import { HttpProblem } from '@server/http/problem';
import { fileDAttentePleine as plein, poolBorne } from '@server/travaux/poolBorne';
import type { DossierDesignation } from '@server/modules/exports/dossierDonnees';
import { readAll, type FileStorage } from '@server/storage/storage';
import { LIMITES_TABLEAU, type LigneLue, type ResultatLecture } from '@server/bailleur/tableau/colonnes';

let pool: Piscina | null = null;

/**
 * One small pool per process, started on first use: spreadsheets and dossier PDFs are parsed and
 * built off the event loop, with a bounded heap, a timeout per task and a bounded queue.
 */
function travaux(): Piscina {
  pool ??= poolBorne({ worker: new URL('./travaux.worker.mjs', import.meta.url), minThreads: 0, maxQueue: 16, memoireMo: LIMITES_TABLEAU.memoireMo });
  return pool;
}

const occupe = () => new HttpProblem(429, 'SERVEUR_OCCUPE', 'Trop de traitements en cours : réessayez dans une minute.', undefined, { 'Retry-After': '60' });

/**
 * The rows of an uploaded decisions spreadsheet, read in the worker within LIMITES_TABLEAU; a bad,
 * oversized or too slow file is a 400/413 problem, never a crash of the API process.
 */
export async function lireTableau(octets: Buffer): Promise<LigneLue[]> {
  if (octets.length > LIMITES_TABLEAU.octets) throw new HttpProblem(413, 'TABLEAU_TROP_VOLUMINEUX', 'Le tableau dépasse 2 Mo.');
  let r: ResultatLecture;
  try {
    r = await travaux().run(new Uint8Array(octets), { name: 'lireTableau', signal: AbortSignal.timeout(LIMITES_TABLEAU.delaiMs) });
  } catch (e) {
    if (plein(e)) throw occupe();
    throw new HttpProblem(413, 'TABLEAU_TROP_VOLUMINEUX', 'Ce classeur n’a pas pu être lu dans les limites prévues (taille ou durée) : renvoyez le tableau reçu, sans autre contenu.');
  }
  if (!r.ok) throw new HttpProblem(r.code === 'TABLEAU_TROP_VOLUMINEUX' || r.code === 'TABLEAU_TROP_DE_LIGNES' ? 413 : 400, r.code, r.raison);
  return r.lignes;
}

/**
 * The dossier PDF (R-BAIL-MIN pieces, watermarked with the bailleur and the date) built in the
 * worker; the pieces' bytes are read here and handed over (an unreadable piece becomes a notice page).
 */
export async function dossierPdfHorsThread(dossier: DossierDesignation, now: Date, storage: FileStorage): Promise<Uint8Array> {
  return (await dossierPdfEtPages(dossier, now, storage)).octets;
}

/** The same, with its page count (the manager's `dossier_designation` export records it). */
export async function dossierPdfEtPages(dossier: DossierDesignation, now: Date, storage: FileStorage): Promise<{ octets: Uint8Array; pages: number }> {
  const fichiers: Record<string, Uint8Array> = {};
  for (const p of dossier.pieces) {
    const objet = await storage.get(p.sha256).catch(() => null);
    const octets = objet ? await readAll(objet).catch(() => null) : null;
    if (octets) fichiers[p.sha256] = octets;
  }
  try {
    return await travaux().run({ dossier, now, fichiers }, { name: 'dossierPdf', signal: AbortSignal.timeout(60_000) });
  } catch (e) {
    if (plein(e)) throw occupe();
    throw e;
  }
}

/** Stops the workers (tests, graceful shutdown). */
export async function arreterTravaux() {
  const p = pool;
  pool = null;
  await p?.destroy();
}
