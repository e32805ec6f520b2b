/**
 * Entry of the worker threads of ./pool.ts, in plain JavaScript (as server/src/bailleur/travaux):
 * a worker thread gets no TypeScript loader from its parent, so the TypeScript module is loaded
 * through tsx's own namespaced loader — at the top level, so that a thread is « ready » for the
 * pool only once the code is loaded (the time limit of a task never counts the thread's start).
 */
import { tsImport } from 'tsx/esm/api';

const inspection = await tsImport('./inspection.ts', import.meta.url);

/** `demarre`: a shared flag set when the task really starts (the pool's clock starts then). */
export async function inspecterPiece({ demarre, ...entree }) {
  if (demarre) Atomics.store(new Int32Array(demarre), 0, 1);
  return inspection.inspecterPiece(entree);
}

export function pret() {
  return true;
}
