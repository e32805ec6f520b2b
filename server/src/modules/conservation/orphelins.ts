import type { EntityManager } from '@mikro-orm/postgresql';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileStorage } from '@server/storage/storage';
import { verrouAdresses } from '@server/modules/justificatifs/stockageDepot';
import { tableauPg } from '@server/modules/demandes/enregistrer';

/**
 * DATA-ORPHANS: files nothing will ever clean otherwise, removed at start (each process, its own
 * scratch folder) and by the daily `conservation` job.
 * - Scratch files (`<scratchDir>/tmp/t-…`): an upload being received, an export being produced
 *   (its XLSX before it is stored), a local atomic write. A killed process leaves them behind,
 *   with personal data in them. Only those older than `AGE_BROUILLON_MS` go: a live upload or
 *   export of another process sharing the folder is younger than that.
 * - Stored pieces no justificatif row references (a crash between storing the piece and the
 *   commit of its row): only those older than a day, so an upload in flight keeps its file.
 * - Stored exports (`exports/…` named objects) no export row points to (a crash between
 *   `storage.writeObject` and the commit of `termine` in exports/executer.ts): only those older than
 *   `AGE_EXPORT_ORPHELIN_MS`. The name is random and only the run that wrote it ever records it, a
 *   few milliseconds later; an export that expired has its file deleted and `fichier` set to null by
 *   exports-maintenance, so an object no row names is never wanted again.
 */

/** Longer than any upload or export (exports time out well before). */
export const AGE_BROUILLON_MS = 6 * 3600_000;
export const AGE_PIECE_ORPHELINE_MS = 24 * 3600_000;
/** Far longer than the write-then-commit of an export (seconds); shorter than EXPORT_TTL_HOURS would be pointless to exceed. */
export const AGE_EXPORT_ORPHELIN_MS = 6 * 3600_000;

export async function nettoyerBrouillons(storage: FileStorage, now: Date, ageMs = AGE_BROUILLON_MS): Promise<number> {
  const dir = path.join(storage.scratchDir, 'tmp');
  let noms: string[];
  try {
    noms = await readdir(dir);
  } catch {
    return 0; // no scratch folder yet
  }
  let n = 0;
  for (const nom of noms) {
    if (!nom.startsWith('t-')) continue;
    const f = path.join(dir, nom);
    try {
      const s = await stat(f);
      if (s.mtimeMs <= now.getTime() - ageMs) {
        await rm(f, { force: true, recursive: true });
        n++;
      }
    } catch {
      // removed meanwhile by its owner: fine
    }
  }
  return n;
}

export async function supprimerPiecesOrphelines(em: EntityManager, storage: FileStorage, now: Date, ageMs = AGE_PIECE_ORPHELINE_MS): Promise<number> {
  const limite = now.getTime() - ageMs;
  let n = 0;
  let lot: string[] = [];
  const traiter = async () => {
    if (!lot.length) return;
    const shas = lot;
    lot = [];
    // Under the addresses' lock: an upload of the same bytes commits its row first (kept) or waits
    // and places the file again after this deletion (stockageDepot.ts), never a row without its file.
    n += await em.fork().transactional(async (tx) => {
      await verrouAdresses(tx, shas);
      const refs = new Set(
        (await tx.execute<{ sha256: string }[]>(`select distinct sha256 from justificatif where sha256 = any(?::text[])`, [`{${shas.join(',')}}`])).map((r) => r.sha256),
      );
      let supprimes = 0;
      for (const sha of shas) {
        if (refs.has(sha)) continue;
        await storage.delete(sha);
        supprimes++;
      }
      return supprimes;
    });
  };
  for await (const p of storage.list()) {
    if (p.modifiedAt.getTime() > limite) continue;
    lot.push(p.sha256);
    if (lot.length >= 500) await traiter();
  }
  await traiter();
  return n;
}

/** DATA-ORPHANS: stored export files no export row references, older than `ageMs`. Both back ends list their objects (`listObjects`). */
export async function supprimerExportsOrphelins(em: EntityManager, storage: FileStorage, now: Date, ageMs = AGE_EXPORT_ORPHELIN_MS): Promise<number> {
  const limite = now.getTime() - ageMs;
  let n = 0;
  let lot: string[] = [];
  const traiter = async () => {
    if (!lot.length) return;
    const noms = lot;
    lot = [];
    const refs = new Set(
      (await em.fork().execute<{ fichier: string }[]>(`select fichier from export where fichier = any(?::text[])`, [tableauPg(noms)])).map(
        (r) => r.fichier,
      ),
    );
    for (const nom of noms) {
      if (refs.has(nom)) continue;
      await storage.deleteObject(nom); // absent meanwhile: a no-op
      n++;
    }
  };
  for await (const o of storage.listObjects('exports')) {
    if (o.modifiedAt.getTime() > limite) continue;
    lot.push(o.name);
    if (lot.length >= 500) await traiter();
  }
  await traiter();
  return n;
}
