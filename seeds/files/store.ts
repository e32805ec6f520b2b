/**
 * Content-addressed file store: `<dataDir>/files/<sha256[0..2]>/<sha256>`, written only when
 * absent. Writes run in the background (at most 32 at once) while the next files are built;
 * `termine()` waits for them all.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FichierStocke {
  sha256: string;
  taille: number;
  mime: string;
}

export { cheminFichier } from '../../server/src/modules/justificatifs/fichiers';
import { cheminFichier } from '../../server/src/modules/justificatifs/fichiers';

const EN_VOL = 32;

export class Stockage {
  private readonly dossiers = new Map<string, Promise<unknown>>();
  private readonly ecrits = new Set<string>();
  private readonly enCours = new Set<Promise<void>>();

  constructor(private readonly dataDir: string) {}

  async stocker(contenu: Buffer, mime: string): Promise<FichierStocke> {
    const sha256 = createHash('sha256').update(contenu).digest('hex');
    if (!this.ecrits.has(sha256)) {
      this.ecrits.add(sha256);
      while (this.enCours.size >= EN_VOL) await Promise.race(this.enCours);
      const p = this.ecrire(sha256, contenu).finally(() => this.enCours.delete(p));
      this.enCours.add(p);
    }
    return { sha256, taille: contenu.length, mime };
  }

  async termine(): Promise<void> {
    await Promise.all(this.enCours);
  }

  private async ecrire(sha256: string, contenu: Buffer): Promise<void> {
    const cible = cheminFichier(this.dataDir, sha256);
    const dossier = path.dirname(cible);
    let pret = this.dossiers.get(dossier);
    if (!pret) {
      pret = mkdir(dossier, { recursive: true });
      this.dossiers.set(dossier, pret);
    }
    await pret;
    try {
      // 'wx': never overwrite; the same address always holds the same bytes anyway.
      await writeFile(cible, contenu, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
