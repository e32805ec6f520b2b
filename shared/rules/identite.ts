/**
 * R-ONE-ACCOUNT (§9.13): one account per person. Likely duplicates are found by comparing
 * normalised keys: identity (nom + prénom + date de naissance, without accents, case, hyphens,
 * spaces, and whatever the order of the names: swapped first and last names match), telephone,
 * e-mail variants (case, "+tag", dots of a Gmail address).
 *
 * The database computes the same keys with SQL functions of the same names
 * (`als_cle_identite`, `als_telephone_norm`, `als_email_canon`, created by a migration from the
 * constants below) so that duplicates are grouped by an index, never compared pairwise in memory;
 * a property test checks that SQL and these functions agree. Only ASCII letters change case (as
 * `lower(x collate "C")` does), so the two sides agree on any input.
 */
import type { TypeSignalement } from '@shared/domain/enums';

/** Accented letters and their plain lower-case letter, position by position (SQL `translate`). */
export const ACCENTS_DE = 'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥĤìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŢŤùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ';
export const ACCENTS_VERS = 'aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz';
/** Letters written as two (before the accents are translated). */
export const LIGATURES: readonly (readonly [string, string])[] = [['œ', 'oe'], ['Œ', 'oe'], ['æ', 'ae'], ['Æ', 'ae'], ['ß', 'ss']];
/** What separates the words of a name: ASCII white space, no-break space, hyphen, apostrophes, dot, comma, underscore. */
export const SEPARATEURS_NOM = /[ \t\n\r\f\v\u00a0'’.,_-]+/;

const TABLE = new Map([...ACCENTS_DE].map((c, i) => [c, ACCENTS_VERS[i]]));

/** Lower-cases A–Z only (the other letters are mapped by the accent table or left as they are). */
export function minusculesAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** « Jean-Pierre LEFÈVRE » → « jean lefevre pierre »: the words, plain, lower case, sorted. */
export function normaliserNom(s: string): string {
  let t = s;
  for (const [de, vers] of LIGATURES) t = t.split(de).join(vers);
  t = minusculesAscii([...t].map((c) => TABLE.get(c) ?? c).join(''));
  return t
    .split(SEPARATEURS_NOM)
    .filter((mot) => mot !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(' ');
}

export interface IdentiteComparee {
  nom: string;
  prenom: string;
  /** YYYY-MM-DD, or null when unknown (then there is no identity key). */
  dateNaissance: string | null;
}

/** The identity key: names in any order, plain, and the birth date; null without a birth date. */
export function cleIdentite(p: IdentiteComparee): string | null {
  if (!p.dateNaissance) return null;
  return `${normaliserNom(`${p.nom} ${p.prenom}`)}|${p.dateNaissance.slice(0, 10)}`;
}

/** « +33 6 12 34 56 78 », « 06.12.34.56.78 » → « 0612345678 »; null when too short to mean anything. */
export function normaliserTelephone(t: string | null): string | null {
  if (t === null) return null;
  const chiffres = t.replace(/[^0-9]/g, '');
  let n = chiffres;
  if (chiffres.startsWith('0033')) n = '0' + chiffres.slice(4);
  else if (chiffres.startsWith('33') && chiffres.length === 11) n = '0' + chiffres.slice(2);
  return n.length < 6 ? null : n;
}

const GMAIL = ['gmail.com', 'googlemail.com'];

/** « Jean.Dupont+als@GoogleMail.com » → « jeandupont@gmail.com »: the mailbox the message reaches. */
export function canoniserEmail(e: string): string {
  const x = minusculesAscii(e.replace(/^ +| +$/g, ''));
  const at = x.lastIndexOf('@');
  if (at < 0) return x;
  let local = x.slice(0, at).split('+')[0];
  let domaine = x.slice(at + 1);
  if (GMAIL.includes(domaine)) {
    local = local.split('.').join('');
    domaine = 'gmail.com';
  }
  return `${local}@${domaine}`;
}

/** The fields of two accounts that differ once normalised (to highlight them side by side). */
export type ChampCompare = 'nom' | 'prenom' | 'dateNaissance' | 'email' | 'telephone';

export interface CompteCompare {
  nom: string;
  prenom: string;
  dateNaissance: string | null;
  email: string;
  telephone: string | null;
}

/**
 * How two accounts compare, field by field: `identique` (same text), `equivalent` (same once
 * normalised: accents, case, hyphens; names may be swapped) or `different`.
 */
export function comparerComptes(a: CompteCompare, b: CompteCompare): Record<ChampCompare, 'identique' | 'equivalent' | 'different'> {
  type Verdict = 'identique' | 'equivalent' | 'different';
  const verdict = (x: string | null, y: string | null, equivalents: boolean): Verdict =>
    x === y ? 'identique' : equivalents ? 'equivalent' : 'different';
  const memesNoms = normaliserNom(`${a.nom} ${a.prenom}`) === normaliserNom(`${b.nom} ${b.prenom}`);
  const telA = normaliserTelephone(a.telephone);
  return {
    nom: verdict(a.nom, b.nom, memesNoms || normaliserNom(a.nom) === normaliserNom(b.nom)),
    prenom: verdict(a.prenom, b.prenom, memesNoms || normaliserNom(a.prenom) === normaliserNom(b.prenom)),
    dateNaissance: verdict(a.dateNaissance, b.dateNaissance, false),
    email: verdict(a.email, b.email, canoniserEmail(a.email) === canoniserEmail(b.email)),
    telephone: verdict(a.telephone, b.telephone, telA !== null && telA === normaliserTelephone(b.telephone)),
  };
}

/** Base score (0–100) of each duplicate signal: how strongly it suggests one person behind several accounts. */
export const SCORES_DOUBLON: Record<Exclude<TypeSignalement, 'metadonnees_pdf' | 'contenu_actif' | 'signalement_agent'>, number> = {
  identite_multiple: 80,
  email_variante: 60,
  fichier_partage: 70,
  telephone_partage: 40,
};

/** The score of a duplicate signal: its base, +10 per account beyond two, +20 for a shared identity document; at most 100. */
export function scoreDoublon(type: keyof typeof SCORES_DOUBLON, nombreComptes: number, pieceIdentite = false): number {
  const score = SCORES_DOUBLON[type] + 10 * Math.max(0, nombreComptes - 2) + (pieceIdentite ? 20 : 0);
  return Math.min(100, score);
}
