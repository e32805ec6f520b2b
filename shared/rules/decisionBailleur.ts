/**
 * The bailleur's answer to a designation (§11.12, §11.27), given on its link page or in the
 * decisions spreadsheet:
 * - R-BAIL-DECISION: « Attribuée » or « Non retenue » (then a motif from MOTIFS_NON_RETENUE_BAILLEUR,
 *   free text required for `autre`), with the date of the CALEOL (the bailleur's attribution
 *   commission): a real calendar day, not after today nor before the designation (Paris calendar).
 *   The lifecycle (./candidature, acteur `bailleur`) then decides whether the candidature still
 *   awaits it.
 * - What reaches the demandeur (§11.27): the motif's label, and the free text only when the motif
 *   is `autre` (it is then the motif); otherwise the free text stays for the agents.
 *
 * Spreadsheet cells are read by the same functions as the form (`lireDecision`, `lireMotif`,
 * `lireDateCaleol`): accents, case, dashes and spaces do not matter, codes work as well as labels.
 * Codes: DECISION_INVALIDE, MOTIF_REQUIS, MOTIF_INCONNU, COMMENTAIRE_REQUIS, COMMENTAIRE_TROP_LONG,
 * DATE_CALEOL_REQUISE, DATE_CALEOL_INVALIDE, DATE_CALEOL_FUTURE, DATE_CALEOL_AVANT_DESIGNATION.
 */
import {
  DECISIONS_BAILLEUR,
  MOTIFS_NON_RETENUE_BAILLEUR,
  type DecisionBailleur,
  type MotifNonRetenueBailleur,
} from '@shared/domain/enums';
import type { Instant, Refus } from '@shared/domain/types';
import { partiesParis } from './calendrier';

export const LIBELLES_DECISION: Record<DecisionBailleur, string> = { attribuee: 'Attribuée', non_retenue: 'Non retenue' };

export const LIBELLES_MOTIF_NON_RETENUE: Record<MotifNonRetenueBailleur, string> = {
  autre_candidat_retenu: 'Un autre candidat a été retenu',
  ressources_insuffisantes: 'Ressources insuffisantes au regard du loyer',
  ressources_superieures_plafond: 'Ressources supérieures au plafond',
  logement_inadapte_foyer: 'Logement inadapté à la composition du foyer',
  dossier_incomplet: 'Dossier incomplet',
  desistement_candidat: 'Désistement du candidat',
  candidat_injoignable: 'Candidat injoignable',
  refus_caleol: 'Refus de la commission d’attribution (CALEOL)',
  autre: 'Autre motif (préciser)',
};

/** Longest free text kept (the candidature's motif column holds 1 000 characters with its label). */
export const COMMENTAIRE_MAX = 800;

export type CodeDecision =
  | 'DECISION_INVALIDE'
  | 'MOTIF_REQUIS'
  | 'MOTIF_INCONNU'
  | 'COMMENTAIRE_REQUIS'
  | 'COMMENTAIRE_TROP_LONG'
  | 'DATE_CALEOL_REQUISE'
  | 'DATE_CALEOL_INVALIDE'
  | 'DATE_CALEOL_FUTURE'
  | 'DATE_CALEOL_AVANT_DESIGNATION';

/** What the bailleur typed or wrote in a row: raw values (strings, an Excel date, null). */
export interface SaisieDecision {
  decision: unknown;
  motif?: unknown;
  commentaire?: unknown;
  dateCaleol: unknown;
}

export interface DecisionValidee {
  decision: DecisionBailleur;
  motif: MotifNonRetenueBailleur | null;
  commentaire: string | null;
  /** 'YYYY-MM-DD'. */
  dateCaleol: string;
  /** The motif of the transition: what the candidature records and the demandeur is told (null for an attribution). */
  motifTransition: string | null;
}

export type ResultatDecision = ({ ok: true } & DecisionValidee) | ({ ok: false; champ: keyof SaisieDecision } & Refus<CodeDecision>);

/** 'Non retenue', 'non-retenue', ' NON_RETENUE ' → 'non retenue'. */
function normaliser(v: string): string {
  return v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, ' ').replace(/[\s_-]+/g, ' ').trim();
}

const texte = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A decision from a form value or a cell: the code, null when empty, 'inconnue' otherwise. */
export function lireDecision(v: unknown): DecisionBailleur | null | 'inconnue' {
  const t = normaliser(texte(v));
  if (!t) return null;
  return DECISIONS_BAILLEUR.find((d) => normaliser(d) === t || normaliser(LIBELLES_DECISION[d]) === t) ?? 'inconnue';
}

/** A motif from its code or its label; null when empty, 'inconnu' otherwise. */
export function lireMotif(v: unknown): MotifNonRetenueBailleur | null | 'inconnu' {
  const t = normaliser(texte(v));
  if (!t) return null;
  return MOTIFS_NON_RETENUE_BAILLEUR.find((m) => normaliser(m) === t || normaliser(LIBELLES_MOTIF_NON_RETENUE[m]) === t) ?? 'inconnu';
}

const deux = (n: number) => String(n).padStart(2, '0');
const jourIso = (a: number, m: number, j: number) => `${a}-${deux(m)}-${deux(j)}`;

function jourReel(a: number, m: number, j: number): string | 'invalide' {
  const d = new Date(Date.UTC(a, m - 1, j));
  return a >= 1900 && d.getUTCFullYear() === a && d.getUTCMonth() === m - 1 && d.getUTCDate() === j ? jourIso(a, m, j) : 'invalide';
}

/**
 * A calendar day 'YYYY-MM-DD' from 'JJ/MM/AAAA', 'AAAA-MM-JJ' or a spreadsheet date cell (a Date
 * whose UTC fields are the day typed); null when empty, 'invalide' otherwise (31/02, text…).
 */
export function lireDateCaleol(v: unknown): string | null | 'invalide' {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? 'invalide' : jourReel(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  const t = texte(v);
  if (!t) return null;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (fr) return jourReel(Number(fr[3]), Number(fr[2]), Number(fr[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return jourReel(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return 'invalide';
}

/** The Paris calendar day of an instant, 'YYYY-MM-DD'. */
export function jourParis(instant: Instant): string {
  const p = partiesParis(instant);
  return jourIso(p.annee, p.mois, p.jour);
}

const refus = (champ: keyof SaisieDecision, code: CodeDecision, raison: string): ResultatDecision => ({ ok: false, champ, code, raison });

const enFr = (iso: string) => iso.split('-').reverse().join('/');

/** R-BAIL-DECISION: checks one decision; `designeeLe` is the designation instant (lower bound of the CALEOL date). */
export function validerDecision(s: SaisieDecision, contexte: { designeeLe: Instant | null; maintenant: Instant }): ResultatDecision {
  const decision = lireDecision(s.decision);
  if (decision === null || decision === 'inconnue') {
    return refus('decision', 'DECISION_INVALIDE', 'Indiquez la décision : « Attribuée » ou « Non retenue ».');
  }
  const commentaire = texte(s.commentaire) || null;
  if (commentaire && commentaire.length > COMMENTAIRE_MAX) {
    return refus('commentaire', 'COMMENTAIRE_TROP_LONG', `Le commentaire dépasse ${COMMENTAIRE_MAX} caractères.`);
  }
  let motif: MotifNonRetenueBailleur | null = null;
  if (decision === 'non_retenue') {
    const m = lireMotif(s.motif);
    if (m === null) return refus('motif', 'MOTIF_REQUIS', 'Choisissez le motif de non-retenue dans la liste.');
    if (m === 'inconnu') return refus('motif', 'MOTIF_INCONNU', `Motif inconnu : « ${texte(s.motif)} ». Choisissez un motif de la liste.`);
    if (m === 'autre' && !commentaire) return refus('commentaire', 'COMMENTAIRE_REQUIS', 'Précisez le motif « Autre » en quelques mots.');
    motif = m;
  }
  const date = lireDateCaleol(s.dateCaleol);
  if (date === null) return refus('dateCaleol', 'DATE_CALEOL_REQUISE', 'Indiquez la date de la commission d’attribution (CALEOL).');
  if (date === 'invalide') return refus('dateCaleol', 'DATE_CALEOL_INVALIDE', 'Date de CALEOL invalide : écrivez-la JJ/MM/AAAA.');
  if (date > jourParis(contexte.maintenant)) return refus('dateCaleol', 'DATE_CALEOL_FUTURE', 'La date de CALEOL ne peut pas être dans le futur.');
  if (contexte.designeeLe && date < jourParis(contexte.designeeLe)) {
    const le = enFr(jourParis(contexte.designeeLe));
    return refus('dateCaleol', 'DATE_CALEOL_AVANT_DESIGNATION', `La date de CALEOL ne peut pas précéder la désignation du ${le}.`);
  }
  const motifTransition = motif ? (motif === 'autre' ? commentaire : LIBELLES_MOTIF_NON_RETENUE[motif]) : null;
  return { ok: true, decision, motif, commentaire, dateCaleol: date, motifTransition };
}
