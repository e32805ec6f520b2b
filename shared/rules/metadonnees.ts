/**
 * Tampered documents (§10.9, §11.13): what, in the metadata of a deposited PDF, suggests it was
 * edited after it was issued. A signal for fraud control, never a decision: an agent confirms it
 * and only then marks the piece `falsifie`.
 *
 * - OUTIL_RETOUCHE: an image or PDF editing tool as Producer or Creator (Photoshop, GIMP,
 *   iLovePDF, Canva…), on any piece;
 * - TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL: a word processor (Word, LibreOffice, Pages…) made a piece
 *   that only an administration issues (avis d'imposition);
 * - MODIFICATION_TARDIVE: modified more than 30 days after it was created;
 * - DATES_INCOHERENTES: modified before it was created;
 * - DATES_ABSENTES: an avis d'imposition without its creation or modification date.
 */
import type { TypeJustificatif } from '@shared/domain/enums';

export type CodeAnomalie =
  | 'OUTIL_RETOUCHE'
  | 'TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL'
  | 'MODIFICATION_TARDIVE'
  | 'DATES_INCOHERENTES'
  | 'DATES_ABSENTES';

export interface Anomalie {
  code: CodeAnomalie;
  /** In French, for the fraud controller. */
  detail: string;
  poids: number;
}

export const POIDS_ANOMALIE: Record<CodeAnomalie, number> = {
  OUTIL_RETOUCHE: 60,
  TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL: 50,
  DATES_ABSENTES: 40,
  MODIFICATION_TARDIVE: 30,
  DATES_INCOHERENTES: 20,
};

export const SEUIL_MODIFICATION_JOURS = 30;

/** Editing tools, by the name shown to the agent. */
export const OUTILS_RETOUCHE: readonly (readonly [string, RegExp])[] = [
  ['Photoshop', /photoshop/i],
  ['GIMP', /\bgimp\b/i],
  ['iLovePDF', /ilovepdf/i],
  ['Canva', /canva/i],
  ['Smallpdf', /smallpdf/i],
  ['Sejda', /sejda/i],
  ['PDFescape', /pdfescape/i],
  ['PDF-XChange Editor', /pdf-?xchange/i],
  ['Photopea', /photopea/i],
  ['Inkscape', /inkscape/i],
  ['Paint.NET', /paint\.net/i],
  ['Pixelmator', /pixelmator/i],
];

export const TRAITEMENTS_TEXTE: readonly (readonly [string, RegExp])[] = [
  ['Microsoft Word', /\bword\b/i],
  ['LibreOffice', /libreoffice|\bwriter\b/i],
  ['OpenOffice', /openoffice/i],
  ['Pages', /\bpages\b/i],
  ['Google Docs', /google docs/i],
];

/** Pieces only an administration issues: a word processor never makes them. */
export const DOCUMENTS_OFFICIELS: readonly TypeJustificatif[] = ['avis_imposition'];

export type MetadonneesPdf = Record<string, string | null | undefined>;

export interface MetadonneesLues {
  producer: string | null;
  creator: string | null;
  creation: Date | null;
  modification: Date | null;
}

const CLES = {
  producer: ['producer'],
  creator: ['creator'],
  creation: ['creationdate', 'creation_date', 'creation'],
  modification: ['modificationdate', 'moddate', 'modification_date', 'modification'],
};

function valeur(meta: MetadonneesPdf, noms: readonly string[]): string | null {
  for (const [k, v] of Object.entries(meta)) {
    if (noms.includes(k.toLowerCase()) && typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

const DATE_PDF = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|([+-])(\d{2})'?(\d{2})?'?)?/i;

/** A PDF date (« D:20260312091400+01'00' ») or an ISO 8601 string; null when unreadable. */
export function lireDatePdf(s: string | null): Date | null {
  if (s === null) return null;
  const m = DATE_PDF.exec(s);
  if (m) {
    const [an, mo, j, h, mi, se] = [m[1], m[2] ?? '01', m[3] ?? '01', m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'].map(Number);
    const decalage = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) : 0;
    return new Date(Date.UTC(an, mo - 1, j, h, mi, se) - decalage * 60_000);
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

export function lireMetadonnees(meta: MetadonneesPdf): MetadonneesLues {
  return {
    producer: valeur(meta, CLES.producer),
    creator: valeur(meta, CLES.creator),
    creation: lireDatePdf(valeur(meta, CLES.creation)),
    modification: lireDatePdf(valeur(meta, CLES.modification)),
  };
}

function outil(liste: readonly (readonly [string, RegExp])[], lues: MetadonneesLues): string | null {
  for (const champ of [lues.producer, lues.creator]) {
    const trouve = champ === null ? undefined : liste.find(([, re]) => re.test(champ));
    if (trouve) return `${trouve[0]} (« ${champ} »)`;
  }
  return null;
}

const anomalie = (code: CodeAnomalie, detail: string): Anomalie => ({ code, detail, poids: POIDS_ANOMALIE[code] });

/** Every anomaly of a piece's PDF metadata; an empty list when nothing is suspicious (or not a PDF). */
export function anomaliesMetadonnees(type: TypeJustificatif, meta: MetadonneesPdf | null): Anomalie[] {
  if (meta === null) return [];
  const lues = lireMetadonnees(meta);
  const out: Anomalie[] = [];
  const retouche = outil(OUTILS_RETOUCHE, lues);
  if (retouche) out.push(anomalie('OUTIL_RETOUCHE', `Document produit ou modifié avec un outil de retouche : ${retouche}.`));
  const officiel = DOCUMENTS_OFFICIELS.includes(type);
  const texte = officiel ? outil(TRAITEMENTS_TEXTE, lues) : null;
  if (texte) out.push(anomalie('TRAITEMENT_TEXTE_DOCUMENT_OFFICIEL', `Document officiel produit avec un traitement de texte : ${texte}.`));
  const { creation, modification } = lues;
  if (creation && modification) {
    const jours = (modification.getTime() - creation.getTime()) / 86_400_000;
    if (jours > SEUIL_MODIFICATION_JOURS) {
      out.push(anomalie('MODIFICATION_TARDIVE', `Modifié ${Math.floor(jours)} jours après sa création (seuil : ${SEUIL_MODIFICATION_JOURS} jours).`));
    } else if (jours < -1 / 24) {
      out.push(anomalie('DATES_INCOHERENTES', 'Date de modification antérieure à la date de création.'));
    }
  } else if (officiel) {
    out.push(anomalie('DATES_ABSENTES', 'Avis d’imposition sans date de création ou de modification dans ses métadonnées.'));
  }
  return out;
}

/** The signal's score (0–100): the sum of the anomalies' weights, at most 100. */
export function scoreMetadonnees(anomalies: readonly Anomalie[]): number {
  return Math.min(100, anomalies.reduce((s, a) => s + a.poids, 0));
}
