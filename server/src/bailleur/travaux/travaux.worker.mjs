/**
 * Entry of the worker threads of ./pool.ts, in plain JavaScript: a worker thread gets no TypeScript
 * loader from its parent (under vitest or plain node, `--import tsx` in a worker's execArgv races
 * with the first import), so the TypeScript module is loaded through tsx's own namespaced loader.
 */
import { tsImport } from 'tsx/esm/api';

const travaux = tsImport('./travaux.ts', import.meta.url);

export async function lireTableau(octets) {
  return (await travaux).lireTableau(octets);
}

export async function dossierPdf(entree) {
  return (await travaux).dossierPdf(entree);
}
