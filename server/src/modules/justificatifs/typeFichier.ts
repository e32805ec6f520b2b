import { PDFDocument } from 'pdf-lib';

/** Accepted types, judged by their first bytes (magic numbers), never by name or declared type. */
export const TYPES_ACCEPTES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MimeAccepte = (typeof TYPES_ACCEPTES)[number];
export const OCTETS_SIGNATURE = 8;

const SIGNATURES: [MimeAccepte, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

export const EXTENSIONS: Record<MimeAccepte, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export function typeDetecte(debut: Buffer): MimeAccepte | null {
  for (const [mime, octets] of SIGNATURES) {
    if (debut.length >= octets.length && octets.every((b, i) => debut[i] === b)) return mime;
  }
  return null;
}

/**
 * The original name made safe to store and show: no path, no control or reserved characters,
 * NFC, at most 200 characters, and the extension of the detected type (a PNG named
 * "releve.pdf" becomes "releve.png").
 */
export function nomAssaini(nom: string | null, mime: MimeAccepte): string {
  const base = (nom ?? '').split(/[\\/]/).pop() ?? '';
  let propre = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const ext = EXTENSIONS[mime];
  propre = propre.replace(/\.[^.]{0,10}$/, '') || 'fichier';
  return `${[...propre].slice(0, 190).join('')}.${ext}`;
}

/** The metadata the fraud signals read (same keys as the seed's): null values when absent. */
export type MetadonneesPdf = Record<'title' | 'author' | 'creator' | 'producer' | 'creationDate' | 'modificationDate', string | null>;

/** Reads a PDF's Info dictionary with pdf-lib; null when pdf-lib cannot open the file or finds no page (not a usable PDF). */
export async function lireMetadonneesPdf(octets: Uint8Array): Promise<MetadonneesPdf | null> {
  try {
    const doc = await PDFDocument.load(octets, { updateMetadata: false, ignoreEncryption: true });
    if (doc.getPageCount() < 1) return null; // pdf-lib is lenient: "%PDF-" and garbage loads, but has no page tree
    return lireMetadonneesDe(doc);
  } catch {
    return null;
  }
}

/** The Info dictionary of a loaded PDF (each value cut to 500 characters, a bad one null). */
export function lireMetadonneesDe(doc: PDFDocument): MetadonneesPdf {
  const texte = (f: () => string | undefined) => {
    try {
      return f()?.slice(0, 500) ?? null;
    } catch {
      return null;
    }
  };
  const date = (f: () => Date | undefined) => {
    try {
      const d = f();
      return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
    } catch {
      return null;
    }
  };
  return {
    title: texte(() => doc.getTitle()),
    author: texte(() => doc.getAuthor()),
    creator: texte(() => doc.getCreator()),
    producer: texte(() => doc.getProducer()),
    creationDate: date(() => doc.getCreationDate()),
    modificationDate: date(() => doc.getModificationDate()),
  };
}
