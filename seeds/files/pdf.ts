/**
 * One-page PDFs made with pdf-lib (Helvetica, WinAnsi: French accents are fine, but no narrow
 * no-break spaces). Metadata are set explicitly (updateMetadata: false) so that the bytes only
 * depend on the inputs: a tampered document gets an editing-tool Producer and a late ModDate.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface PdfSpec {
  titre: string;
  lignes: string[];
  auteur: string;
  producer: string;
  creator: string;
  creationDate: Date;
  modificationDate: Date;
}

export async function pdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(spec.titre);
  doc.setAuthor(spec.auteur);
  doc.setProducer(spec.producer);
  doc.setCreator(spec.creator);
  doc.setCreationDate(spec.creationDate);
  doc.setModificationDate(spec.modificationDate);
  const page = doc.addPage([595.28, 841.89]); // A4
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const gras = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawRectangle({ x: 40, y: 770, width: 515, height: 3, color: rgb(0.1, 0.25, 0.55) });
  page.drawText(spec.titre, { x: 40, y: 740, size: 15, font: gras, color: rgb(0.1, 0.1, 0.15) });
  let y = 705;
  for (const ligne of spec.lignes) {
    page.drawText(ligne, { x: 40, y, size: 11, font });
    y -= 18;
  }
  page.drawText('Document généré pour la démonstration – données fictives', { x: 40, y: 40, size: 8, font, color: rgb(0.5, 0.5, 0.5) });
  // objectsPerTick: Infinity — no yielding to the event loop between objects: twice as fast here.
  return Buffer.from(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
}
