import { open } from 'node:fs/promises';
import { HttpProblem } from '@server/http/problem';
import type { MimeAccepte } from './typeFichier';

/**
 * A decompression bomb in an image (issue #13): a 20 000 × 20 000 PNG of one colour weighs a few
 * hundred kilobytes and decodes to 1.6 GB of pixels when the dossier PDF embeds it. The image's
 * dimensions are read from its header at upload (PNG: IHDR; JPEG: the SOF segment, after any
 * EXIF), without decoding a pixel; over `PIXELS_MAX` the piece is refused, 422 `IMAGE_TROP_GRANDE`.
 * 50 megapixels: a 48 MP phone photo and an A4 page scanned at 600 dpi (35 MP) pass.
 */
export const PIXELS_MAX = 50_000_000;

export interface Dimensions {
  largeur: number;
  hauteur: number;
}

/** The dimensions written in the header of a stored PNG or JPEG (null when none is found: the inspection judges the rest). */
export async function dimensionsImage(chemin: string, mime: MimeAccepte): Promise<Dimensions | null> {
  if (mime === 'application/pdf') return null;
  const f = await open(chemin, 'r');
  try {
    const lire = async (position: number, n: number) => {
      const b = Buffer.alloc(n);
      const { bytesRead } = await f.read(b, 0, n, position);
      return b.subarray(0, bytesRead);
    };
    if (mime === 'image/png') {
      const h = await lire(0, 24); // signature (8), IHDR length (4) and name (4), width (4), height (4)
      if (h.length < 24 || h.toString('latin1', 12, 16) !== 'IHDR') return null;
      return { largeur: h.readUInt32BE(16), hauteur: h.readUInt32BE(20) };
    }
    // JPEG: walk the segments (FF xx, then a 2-byte length) up to a start-of-frame.
    let pos = 2;
    for (let i = 0; i < 1000; i++) {
      const m = await lire(pos, 9);
      if (m.length < 4 || m[0] !== 0xff) return null;
      const marqueur = m[1];
      if (marqueur === 0xff) { pos += 1; continue; } // fill byte
      if (marqueur === 0xd8 || (marqueur >= 0xd0 && marqueur <= 0xd7) || marqueur === 0x01) { pos += 2; continue; }
      if (marqueur >= 0xc0 && marqueur <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marqueur)) {
        if (m.length < 9) return null;
        return { hauteur: m.readUInt16BE(5), largeur: m.readUInt16BE(7) };
      }
      if (marqueur === 0xd9 || marqueur === 0xda) return null; // end of image, or scan data before any frame
      pos += 2 + m.readUInt16BE(2);
    }
    return null;
  } finally {
    await f.close();
  }
}

/** Refuses an image whose header announces more than PIXELS_MAX pixels (422 IMAGE_TROP_GRANDE). */
export async function verifierDimensions(chemin: string, mime: MimeAccepte): Promise<void> {
  const d = await dimensionsImage(chemin, mime);
  if (d && d.largeur * d.hauteur > PIXELS_MAX) {
    throw new HttpProblem(422, 'IMAGE_TROP_GRANDE', `Cette image mesure ${d.largeur} × ${d.hauteur} pixels : au plus ${PIXELS_MAX / 1_000_000} millions de pixels sont acceptés. Réduisez sa définition ou envoyez un PDF.`);
  }
}
