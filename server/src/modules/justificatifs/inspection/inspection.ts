/**
 * What an uploaded piece holds beyond its type, read in a worker thread (./pool.ts, entry
 * ./inspection.worker.mjs), never on the request thread (issue #13: a 2 MB PDF whose object
 * stream inflates to 2 GB blocked the event loop for 22 s):
 *
 * - the PDF's Info dictionary (the metadata fraud signals, shared/rules/metadonnees.ts);
 * - active content: a PDF that runs something when opened or on an event (`/OpenAction` that is
 *   an action, not a destination; `/AA`; `/JS`, `/JavaScript`; `/Launch`), and HTML hidden in a
 *   PDF, PNG or JPEG (a polyglot that a browser could render as a page). A fraud signal, not a
 *   refusal: the piece is kept and contrôle fraude looks at it.
 *
 * Before pdf-lib decodes anything, the streams it inflates while loading (object streams and
 * cross-reference streams) are inflated here with a ceiling (`LIMITES_INSPECTION.inflationOctets`
 * in all): past it the file is refused at once (a bomb), whatever the worker's time and memory.
 * Plain input (a path to the received temporary file) in, plain data out; no database.
 */
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { lireMetadonneesDe, type MetadonneesPdf, type MimeAccepte } from '../typeFichier';

export const LIMITES_INSPECTION = {
  /** Bytes pdf-lib may inflate while loading (object and xref streams), all streams together. */
  inflationOctets: 32 * 1024 * 1024,
  /** The worker's heap (V8 old generation). */
  memoireMo: 256,
  /** Per file, from the moment a thread takes it (a wait in the queue does not count). */
  delaiMs: 2_000,
} as const;

/** One finding of active content, by the name shown to fraud control. */
export type ContenuActif = 'OpenAction' | 'AA' | 'JavaScript' | 'Launch' | 'HTML';

export type ResultatInspection =
  | { ok: true; metadonneesPdf: MetadonneesPdf | null; contenuActif: ContenuActif[] }
  /** `format`: not a usable PDF (415); `bombe`: over the inflation ceiling (422). */
  | { ok: false; raison: 'format' | 'bombe' };

/** HTML a browser would render, anywhere in the raw bytes (PNG text chunks, after IEND, PDF comments…). */
const HTML = /<(?:script|html|body|iframe|svg|object|embed|img\s[^>]*\bon\w+\s*=)|<!doctype\s+html/i;

/** `#xx` escapes of PDF names decoded (`/J#61vaScript` is `/JavaScript`). */
const sansEchappements = (s: string) => s.replace(/#([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

class Bombe extends Error {}

/**
 * Inflates, with one shared ceiling, every FlateDecode stream whose dictionary names it an object
 * stream or a cross-reference stream: the streams PDFDocument.load decodes. Throws Bombe past the
 * ceiling. A stream that does not inflate cleanly is left to pdf-lib (which then refuses or skips it).
 */
function verifierInflation(octets: Buffer) {
  const texte = octets.toString('latin1');
  let reste: number = LIMITES_INSPECTION.inflationOctets;
  const debutFlux = /stream\r?\n/g;
  for (let m = debutFlux.exec(texte); m; m = debutFlux.exec(texte)) {
    if (texte.slice(Math.max(0, m.index - 9), m.index) === 'end') continue; // "endstream\n"
    const avant = texte.lastIndexOf('obj', m.index);
    if (avant < 0) continue;
    const dict = sansEchappements(texte.slice(Math.max(avant, m.index - 4096), m.index));
    if (!/\/(ObjStm|XRef)\b/.test(dict) || !/\/(FlateDecode|Fl)\b/.test(dict)) continue;
    const debut = m.index + m[0].length;
    let fin = texte.indexOf('endstream', debut);
    if (fin < 0) fin = texte.length;
    let sortie: Buffer;
    try {
      sortie = inflateSync(octets.subarray(debut, fin), { maxOutputLength: reste + 1, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a truncated end */ });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Bombe();
      continue;
    }
    reste -= sortie.length;
    if (reste < 0) throw new Bombe();
    debutFlux.lastIndex = fin;
  }
}

/** Active content in the objects pdf-lib loaded (object streams included, names already decoded). */
function contenuActifPdf(doc: PDFDocument): ContenuActif[] {
  const trouve = new Set<ContenuActif>();
  const nom = (v: unknown) => (v instanceof PDFName ? v.decodeText() : null);
  const action = (d: PDFDict) => {
    const s = nom(d.get(PDFName.of('S')));
    if (s === 'JavaScript') trouve.add('JavaScript');
    if (s === 'Launch') trouve.add('Launch');
    return s;
  };
  const ouverture = doc.catalog.get(PDFName.of('OpenAction'));
  const cible = ouverture ? doc.context.lookup(ouverture) : undefined;
  // A destination ([page /Fit]) or a GoTo is how many ordinary PDFs open: not active content.
  if (cible instanceof PDFDict && action(cible) !== 'GoTo') trouve.add('OpenAction');
  for (const [, objet] of doc.context.enumerateIndirectObjects()) {
    const d = objet instanceof PDFDict ? objet : objet instanceof PDFStream ? objet.dict : null;
    if (!d) continue;
    for (const [cle] of d.entries()) {
      const k = cle.decodeText();
      if (k === 'JS' || k === 'JavaScript') trouve.add('JavaScript');
      else if (k === 'AA') trouve.add('AA');
      else if (k === 'Launch') trouve.add('Launch');
    }
    if (d.has(PDFName.of('S'))) action(d);
  }
  return [...trouve].sort();
}

export async function inspecterPiece({ chemin, mime }: { chemin: string; mime: MimeAccepte }): Promise<ResultatInspection> {
  const octets = await readFile(chemin);
  const html = HTML.test(octets.toString('latin1'));
  if (mime !== 'application/pdf') return { ok: true, metadonneesPdf: null, contenuActif: html ? ['HTML'] : [] };
  try {
    verifierInflation(octets);
  } catch (e) {
    if (e instanceof Bombe) return { ok: false, raison: 'bombe' };
    throw e;
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(octets, { updateMetadata: false, ignoreEncryption: true });
    if (doc.getPageCount() < 1) return { ok: false, raison: 'format' }; // pdf-lib is lenient: "%PDF-" and garbage loads, but has no page tree
  } catch {
    return { ok: false, raison: 'format' };
  }
  let actif: ContenuActif[] = [];
  try {
    actif = contenuActifPdf(doc);
  } catch {
    actif = [];
  }
  if (html) actif = [...actif, 'HTML'];
  return { ok: true, metadonneesPdf: lireMetadonneesDe(doc), contenuActif: actif };
}
