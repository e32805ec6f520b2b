import { unlink } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileStorage } from '@server/storage/storage';

/**
 * Serialises, per content address, the deposit transaction that places a file and the clean-up
 * of a failed one: a clean-up waits for a concurrent deposit of the same bytes to commit, then
 * sees its row and keeps the file. Taken inside the transaction (released at commit).
 */
export async function verrouAdresse(tx: EntityManager, sha256: string): Promise<void> {
  await tx.execute(`select pg_advisory_xact_lock(20261206, hashtext(?))`, [sha256]);
}

/**
 * The same lock on several addresses, always taken in one order (by key): a cleaner deleting a
 * batch never deadlocks with another cleaner, and an upload (one address) waits for it, then finds
 * the file gone and places it again (DATA-ORPHANS: nothing deleted under a piece being committed).
 */
export async function verrouAdresses(tx: EntityManager, sha256s: string[]): Promise<void> {
  if (!sha256s.length) return;
  await tx.execute(
    `select pg_advisory_xact_lock(20261206, k) from (select distinct hashtext(s) as k from unnest(?::text[]) s) x order by k`,
    [`{${sha256s.join(',')}}`],
  );
}

/**
 * Undoes a placement after a failed transaction: removes the file only if this upload created it
 * and no committed piece uses it (nothing is left behind, nothing shared is lost).
 */
export async function retirerSiOrphelin(em: EntityManager, storage: FileStorage, sha256: string): Promise<void> {
  await em.transactional(async (tx) => {
    await verrouAdresse(tx, sha256);
    const rows = await tx.execute<{ n: number }[]>(`select count(*)::int as n from justificatif where sha256 = ?`, [sha256]);
    if (rows[0].n === 0) await storage.delete(sha256);
  });
}

/** Removes a scratch file of this machine (absent: nothing happens). */
export async function supprimer(fichier: string): Promise<void> {
  await unlink(fichier).catch(() => undefined);
}
