/**
 * The demo files, written through the server's file storage (local folder or S3, content-addressed
 * by sha256; the same bytes are written once). Writes run in the background (at most 16 at once)
 * while the next files are built; `termine()` waits for them all.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FileStorage } from '@server/storage/storage';

export interface FichierStocke {
  sha256: string;
  taille: number;
  mime: string;
}

const EN_VOL = 16;

export class Stockage {
  private readonly ecrits = new Set<string>();
  private readonly enCours = new Set<Promise<void>>();
  private erreur: unknown = null;

  constructor(private readonly storage: FileStorage) {}

  async stocker(contenu: Buffer, mime: string): Promise<FichierStocke> {
    const sha256 = createHash('sha256').update(contenu).digest('hex');
    if (this.erreur) throw this.erreur;
    if (!this.ecrits.has(sha256)) {
      this.ecrits.add(sha256);
      while (this.enCours.size >= EN_VOL) await Promise.race(this.enCours);
      const p: Promise<void> = this.ecrire(sha256, contenu)
        .catch((e) => void (this.erreur ??= e))
        .finally(() => this.enCours.delete(p));
      this.enCours.add(p);
    }
    return { sha256, taille: contenu.length, mime };
  }

  async termine(): Promise<void> {
    await Promise.all(this.enCours);
    if (this.erreur) throw this.erreur;
  }

  private async ecrire(sha256: string, contenu: Buffer): Promise<void> {
    if (await this.storage.exists(sha256)) return; // a second seed on the same store (tests, replicas)
    const r = await this.storage.putStream(Readable.from([contenu]));
    if (r.sha256 !== sha256) throw new Error(`seed: stockage de ${sha256} → ${r.sha256}`);
  }
}
