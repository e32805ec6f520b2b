import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { cheminFichier } from '../../../../seeds/files/store';

/** Temporary files of uploads in progress: same file system as the store, so placing is a link. */
export async function cheminTemporaire(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'tmp');
  await mkdir(dir, { recursive: true });
  return path.join(dir, `depot-${randomBytes(12).toString('hex')}`);
}

/**
 * Puts the uploaded bytes at their content address (`<dataDir>/files/<sha[0..2]>/<sha>`, the
 * seeds' layout). Returns true when this call created the file, false when it was already there
 * (another piece has the same bytes: it is never overwritten nor removed).
 */
export async function placer(dataDir: string, temporaire: string, sha256: string): Promise<boolean> {
  const cible = cheminFichier(dataDir, sha256);
  await mkdir(path.dirname(cible), { recursive: true });
  try {
    await link(temporaire, cible); // atomic, fails if present: the same address always holds the same bytes
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  // A file system without hard links (some network volumes): an exclusive copy instead.
  try {
    await copyFile(temporaire, cible, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Undoes placer() after a failed transaction: removes the file only if this upload created it and
 * no committed piece uses it (nothing is left behind, nothing shared is lost).
 */
export async function retirerSiOrphelin(em: EntityManager, dataDir: string, sha256: string): Promise<void> {
  const rows = await em.execute<{ n: number }[]>(`select count(*)::int as n from justificatif where sha256 = ?`, [sha256]);
  if (rows[0].n === 0) await unlink(cheminFichier(dataDir, sha256)).catch(() => undefined);
}

export async function supprimer(fichier: string): Promise<void> {
  await unlink(fichier).catch(() => undefined);
}
