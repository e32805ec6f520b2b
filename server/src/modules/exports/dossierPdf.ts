import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { plafondApplicable } from '@shared/rules/eligibilite';
import { readAll, type FileStorage } from '@server/storage/storage';
import type { DossierDesignation, PieceDossier } from './dossierDonnees';
import { categoriePriorite, dateFr, dateHeureFr, personne, PIECES, PUBLICS, STATUTS } from './libelles';

const A4: [number, number] = [595.28, 841.89];
const MARGE = 50;
const NOIR = rgb(0.1, 0.1, 0.12);
const GRIS = rgb(0.42, 0.42, 0.45);
const euros = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(n).replace(/\s/g, ' ')} €`;

/** Helvetica (WinAnsi) cannot draw every character: anything outside its set becomes '?'. */
function encodable(font: PDFFont) {
  const jeu = new Set(font.getCharacterSet());
  return (t: string) => [...t.normalize('NFC').replace(/[\u202f\u00a0]/g, ' ')].map((ch) => (jeu.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

class Redacteur {
  private page!: PDFPage;
  private y = 0;
  readonly sur: (t: string) => string;
  constructor(private readonly doc: PDFDocument, private readonly font: PDFFont, private readonly gras: PDFFont) {
    this.sur = encodable(font);
  }
  nouvellePage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGE;
  }
  texte(t: string, taille = 10, opts: { gras?: boolean; couleur?: typeof NOIR; indent?: number } = {}) {
    const font = opts.gras ? this.gras : this.font;
    const largeur = A4[0] - 2 * MARGE - (opts.indent ?? 0);
    for (const ligne of couper(this.sur(t), font, taille, largeur)) {
      if (this.y < MARGE + taille) this.nouvellePage();
      this.page.drawText(ligne, { x: MARGE + (opts.indent ?? 0), y: this.y - taille, size: taille, font, color: opts.couleur ?? NOIR });
      this.y -= taille * 1.45;
    }
  }
  espace(h = 8) {
    this.y -= h;
  }
  champ(libelle: string, valeur: string | number | null | undefined) {
    this.texte(`${libelle} : ${valeur === null || valeur === undefined || valeur === '' ? '—' : valeur}`, 10, { indent: 10 });
  }
  titre(t: string) {
    this.espace(6);
    this.texte(t, 12, { gras: true });
  }
}

function couper(texte: string, font: PDFFont, taille: number, largeur: number): string[] {
  const lignes: string[] = [];
  let courante = '';
  for (const mot of texte.split(/\s+/)) {
    const essai = courante ? `${courante} ${mot}` : mot;
    if (courante && font.widthOfTextAtSize(essai, taille) > largeur) {
      lignes.push(courante);
      courante = mot;
    } else courante = essai;
  }
  lignes.push(courante);
  return lignes;
}

function couverture(r: Redacteur, d: DossierDesignation, now: Date) {
  r.nouvellePage();
  r.espace(120);
  r.texte('Action Logement Services', 12, { couleur: GRIS });
  r.espace(10);
  r.texte('Dossier de désignation', 26, { gras: true });
  r.espace(20);
  r.texte(`Destinataire : ${d.bailleur.nom}`, 14);
  r.texte(`Candidature ${d.c.reference} — offre ${d.offre.reference}`, 12);
  r.texte(`${d.offre.titre} (${d.offre.typologie}, ${d.offre.commune})`, 12);
  r.espace(10);
  r.texte(`Désignation du ${d.c.designee_le ? dateHeureFr(d.c.designee_le) : '—'}${d.agent ? ` par ${d.agent}` : ''}`, 11);
  r.texte(`Document établi le ${dateHeureFr(now)}`, 11, { couleur: GRIS });
  r.espace(40);
  r.texte(
    'Document confidentiel contenant des données personnelles, transmis au bailleur pour l’instruction de cette seule attribution. ' +
      'Conformément aux conditions générales d’utilisation (§ 11.12), il ne contient que le dossier de candidature et les pièces ' +
      'exigées par la réglementation du logement.',
    9,
    { couleur: GRIS },
  );
}

function synthese(r: Redacteur, d: DossierDesignation, pieces: { piece: PieceDossier; pages: number }[]) {
  r.nouvellePage();
  r.texte('Synthèse du dossier', 18, { gras: true });
  r.titre('Candidature');
  r.champ('Référence', d.c.reference);
  r.champ('Statut', STATUTS[d.c.statut] ?? d.c.statut);
  r.champ('Date de candidature', dateHeureFr(d.c.date_candidature));
  r.champ('Rang à la désignation (indicatif)', `${d.c.rang} (palier ${d.c.palier})`);
  r.titre('Logement');
  r.champ('Offre', `${d.offre.reference} — ${d.offre.titre}`);
  r.champ('Typologie', d.offre.typologie);
  r.champ('Commune', `${d.offre.commune} (${d.offre.code_postal})`);
  r.titre('Demandeur');
  r.champ('Identité', personne(d.demandeur.civilite, d.demandeur.prenom, d.demandeur.nom));
  r.champ('Date de naissance', d.demandeur.date_naissance ? dateFr(d.demandeur.date_naissance) : null);
  r.champ('Courriel', d.demandeur.email);
  r.champ('Téléphone', d.demandeur.telephone);
  const co = d.demande.codemandeur;
  r.champ('Codemandeur', co ? `${personne(co.civilite, co.prenom, co.nom)}, né(e) le ${dateFr(co.dateNaissance)}` : 'aucun');
  r.titre('Foyer et ressources');
  r.champ('Demande', d.demande.reference);
  r.champ('Personnes au foyer', d.demande.nombre_personnes);
  const plafond = plafondApplicable(d.offre.plafonds as Record<number, number>, d.demande.nombre_personnes);
  r.champ('Revenu fiscal de référence', euros(d.demande.revenu_fiscal_reference));
  r.champ('Plafond applicable', plafond === null ? 'sans plafond' : `${euros(plafond)} — ${d.demande.revenu_fiscal_reference <= plafond ? 'sous le plafond' : 'au-dessus du plafond'}`);
  r.champ('Public', PUBLICS[d.demande.public_cible]);
  r.champ('Situation prioritaire', categoriePriorite(d.demande.accompagne, d.demande.situations_prioritaires ?? []));
  r.champ('Lieu de travail', d.demande.lieu_travail_commune);
  r.champ('Entreprise', d.entreprise ? `${d.entreprise.raison_sociale} (SIRET ${d.entreprise.siret})` : null);
  r.titre('Pièces jointes (exigées par la réglementation de l’offre)');
  if (pieces.length === 0) r.texte('Aucune pièce validée à joindre.', 10, { indent: 10 });
  for (const { piece, pages } of pieces) {
    r.texte(`• ${PIECES[piece.type]} — ${piece.titulaire} (${pages} page${pages > 1 ? 's' : ''})`, 10, { indent: 10 });
  }
}

/** Appends one piece: a PDF page by page (copyPages), an image centred on an A4 page; unreadable → a notice page. */
/** Where the PDF gets a piece's bytes: the storage, or a reader (bytes read beforehand and handed to a worker thread). */
export type SourcePieces = FileStorage | ((piece: PieceDossier) => Promise<Uint8Array>);

async function octetsDe(source: SourcePieces, piece: PieceDossier): Promise<Uint8Array> {
  if (typeof source === 'function') return source(piece);
  const fichier = await source.get(piece.sha256);
  if (!fichier) throw new Error('absent du stockage');
  return readAll(fichier);
}

async function joindre(doc: PDFDocument, r: Redacteur, piece: PieceDossier, source: SourcePieces): Promise<number> {
  const avant = doc.getPageCount();
  const titre = `${PIECES[piece.type]} — ${piece.titulaire}`;
  try {
    const octets = await octetsDe(source, piece);
    if (piece.mime === 'application/pdf') {
      const source = await PDFDocument.load(octets, { ignoreEncryption: true, updateMetadata: false });
      for (const p of await doc.copyPages(source, source.getPageIndices())) doc.addPage(p);
    } else if (piece.mime === 'image/png' || piece.mime === 'image/jpeg') {
      const image = piece.mime === 'image/png' ? await doc.embedPng(octets) : await doc.embedJpg(octets);
      const page = doc.addPage(A4);
      const haut = 30;
      const echelle = Math.min((A4[0] - 2 * MARGE) / image.width, (A4[1] - 2 * MARGE - haut) / image.height, 1.5);
      const w = image.width * echelle;
      const h = image.height * echelle;
      page.drawText(r.sur(titre), { x: MARGE, y: A4[1] - MARGE - 12, size: 11, font: await doc.embedFont(StandardFonts.Helvetica) });
      page.drawImage(image, { x: (A4[0] - w) / 2, y: A4[1] - MARGE - haut - h, width: w, height: h });
    } else throw new Error(`type ${piece.mime}`);
  } catch {
    while (doc.getPageCount() > avant) doc.removePage(doc.getPageCount() - 1);
    r.nouvellePage();
    r.texte(titre, 14, { gras: true });
    r.texte('Le fichier de cette pièce n’a pas pu être joint : il est consultable dans le dossier du demandeur.', 10);
  }
  return doc.getPageCount() - avant;
}

/** The watermark of every page: recipient and date, diagonal, light grey Helvetica. */
export function filigrane(bailleur: string, now: Date) {
  return `Transmis à ${bailleur} le ${dateFr(now)}`;
}

/**
 * The "dossier de désignation" PDF: cover, summary, then ONLY the pieces R-BAIL-MIN allows, every
 * page watermarked with the recipient and the date. Returns the bytes and the page count.
 */
export async function construireDossierPdf(d: DossierDesignation, now: Date, source: SourcePieces): Promise<{ octets: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Dossier de désignation ${d.c.reference}`);
  doc.setAuthor('Action Logement Services');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const gras = await doc.embedFont(StandardFonts.HelveticaBold);
  const r = new Redacteur(doc, font, gras);
  couverture(r, d, now);
  // The summary lists page counts: build the pieces in a scratch document first, then copy them after the summary.
  const pieces = await PDFDocument.create();
  const rPieces = new Redacteur(pieces, await pieces.embedFont(StandardFonts.Helvetica), await pieces.embedFont(StandardFonts.HelveticaBold));
  const jointes: { piece: PieceDossier; pages: number }[] = [];
  for (const piece of d.pieces) jointes.push({ piece, pages: await joindre(pieces, rPieces, piece, source) });
  synthese(r, d, jointes);
  for (const p of await doc.copyPages(pieces, pieces.getPageIndices())) doc.addPage(p);

  const texte = r.sur(filigrane(d.bailleur.nom, now));
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const taille = Math.max(14, Math.min(40, (Math.hypot(width, height) * 0.75) / Math.max(1, font.widthOfTextAtSize(texte, 1))));
    const w = font.widthOfTextAtSize(texte, taille);
    const angle = Math.atan2(height, width);
    page.drawText(texte, {
      x: width / 2 - (w / 2) * Math.cos(angle) + (taille / 3) * Math.sin(angle),
      y: height / 2 - (w / 2) * Math.sin(angle) - (taille / 3) * Math.cos(angle),
      size: taille, font, color: rgb(0.78, 0.78, 0.78), opacity: 0.45, rotate: degrees((angle * 180) / Math.PI),
    });
  }
  const octets = await doc.save();
  return { octets, pages: doc.getPageCount() };
}
