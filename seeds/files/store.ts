/** Content-addressed file store: `<dataDir>/files/<sha256[0..2]>/<sha256>`, written only when absent. */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FichierStocke {
  sha256: string;
  taille: number;
  mime: string;
}

export function cheminFichier(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

export class Stockage {
  private readonly dossiers = new Set<string>();
  private readonly ecrits = new Set<string>();

  constructor(private readonly dataDir: string) {}

  async stocker(contenu: Buffer, mime: string): Promise<FichierStocke> {
    const sha256 = createHash('sha256').update(contenu).digest('hex');
    if (!this.ecrits.has(sha256)) {
      this.ecrits.add(sha256);
      const cible = cheminFichier(this.dataDir, sha256);
      const dossier = path.dirname(cible);
      if (!this.dossiers.has(dossier)) {
        await mkdir(dossier, { recursive: true });
        this.dossiers.add(dossier);
      }
      try {
        // 'wx': never overwrite; the same address always holds the same bytes anyway.
        await writeFile(cible, contenu, { flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    return { sha256, taille: contenu.length, mime };
  }
}
