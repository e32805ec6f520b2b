import type { Piscina } from 'piscina';
import { HttpProblem } from '@server/http/problem';
import { fileDAttentePleine, poolBorne } from '@server/travaux/poolBorne';
import type { MetadonneesPdf, MimeAccepte } from '../typeFichier';
import { LIMITES_INSPECTION, type ContenuActif, type ResultatInspection } from './inspection';

let pool: Piscina | null = null;

/** However long the queue and a thread's start, a file is answered within this. */
const ATTENTE_MAX_MS = 30_000;

/**
 * The pool that inspects uploaded pieces (issue #13, OWASP ASVS V5.2): parsing runs off the event
 * loop, in at most two threads (one kept warm) with a bounded heap, a time limit per file counted
 * from the moment a thread takes it (an aborted task ends its thread) and a bounded queue.
 */
function inspecteurs(): Piscina {
  pool ??= poolBorne({ worker: new URL('./inspection.worker.mjs', import.meta.url), minThreads: 1, maxQueue: 32, memoireMo: LIMITES_INSPECTION.memoireMo });
  return pool;
}

/** Starts the pool and waits for a thread to be loaded (server start; tests). */
export async function prechaufferInspection() {
  await inspecteurs().run(null, { name: 'pret' });
}

export const illisible = () =>
  new HttpProblem(422, 'FICHIER_ILLISIBLE', 'Ce fichier n’a pas pu être lu dans les limites prévues (taille décompressée, durée ou mémoire) : enregistrez-le de nouveau en PDF, ou envoyez une photo.', undefined, { Connection: 'close' });
const occupe = () => new HttpProblem(429, 'SERVEUR_OCCUPE', 'Trop de dépôts en cours : réessayez dans une minute.', undefined, { 'Retry-After': '60' });

/**
 * Inspects the received file (a temporary path) in the pool: its PDF metadata and its active
 * content. `format: false` (not a usable PDF) is for the caller to refuse as a type (415); a bomb,
 * a task over LIMITES_INSPECTION.delaiMs or a thread out of memory → 422 FICHIER_ILLISIBLE; a full
 * queue → 429 SERVEUR_OCCUPE.
 */
export async function inspecter(chemin: string, mime: MimeAccepte): Promise<{ format: false } | { format: true; metadonneesPdf: MetadonneesPdf | null; contenuActif: ContenuActif[] }> {
  const demarre = new SharedArrayBuffer(4);
  const drapeau = new Int32Array(demarre);
  const arret = new AbortController();
  let debut = 0;
  const minuteur = setInterval(() => {
    if (!debut && Atomics.load(drapeau, 0) === 1) debut = Date.now();
    if (debut && Date.now() - debut > LIMITES_INSPECTION.delaiMs) arret.abort();
  }, 20);
  const attente = setTimeout(() => arret.abort(), ATTENTE_MAX_MS);
  let r: ResultatInspection;
  try {
    r = await inspecteurs().run({ chemin, mime, demarre }, { name: 'inspecterPiece', signal: arret.signal });
  } catch (e) {
    if (fileDAttentePleine(e)) throw occupe();
    throw illisible();
  } finally {
    clearInterval(minuteur);
    clearTimeout(attente);
  }
  if (!r.ok) {
    if (r.raison === 'format') return { format: false };
    throw illisible();
  }
  return { format: true, metadonneesPdf: r.metadonneesPdf, contenuActif: r.contenuActif };
}

/** Stops the threads (tests, graceful shutdown). */
export async function arreterInspection() {
  const p = pool;
  pool = null;
  await p?.destroy();
}
