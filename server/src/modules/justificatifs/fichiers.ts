import path from 'node:path';

/** Content-addressed store of uploaded files: `<dataDir>/files/<sha256[0..2]>/<sha256>`. */
export function cheminFichier(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** A file name safe for Content-Disposition and logs: no path, no control characters, ≤ 120 chars. */
export function nomSur(nom: string): string {
  const base = nom.split(/[\\/]/).pop() ?? 'fichier';
  const propre = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').replace(/\s+/g, ' ').trim();
  return (propre || 'fichier').slice(0, 120);
}
