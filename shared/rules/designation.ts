/**
 * R-DESIGNATE (§13.4, §11.12) and R-PSEEC (§7.2): may an agent instruct / designate a candidature?
 *
 * Designation: only from en_instruction (R-CAND-FSM), only when every reglementaire piece (socles +
 * the offer's reglementation, see ./completude) is `valide` and unexpired, the demandeur is not
 * suspended, and — for a `pseec` demande — one of the demandeur's `pseec` entreprises still has
 * rights. Designating uses ONE right of the first such entreprise (in the order given):
 * `siretADebiter`. Instruction of a `pseec` demande also needs rights left (§7.2: "le traitement
 * de sa candidature … pourra avoir lieu uniquement si …").
 */
import { LIBELLES_PIECE, type StatutCandidature } from '@shared/domain/enums';
import type { DemandeRules, EntrepriseRules, Instant, JustificatifRules, Refus, SuspensionRules } from '@shared/domain/types';
import { transition, type CodeTransition } from './candidature';
import { checklist, type FoyerPieces, type OffrePieces, type PieceRequise } from './completude';
import { estSuspendu } from './suspension';

export const ORDRE_REFUS_DESIGNATION = ['TRANSITION_INTERDITE', 'SUSPENDU', 'PIECES_NON_VALIDEES', 'DROITS_PSEEC_EPUISES'] as const;
export type CodeRefusDesignation = (typeof ORDRE_REFUS_DESIGNATION)[number];
export type RefusDesignation = Refus<CodeRefusDesignation>;

export type ResultatDesignation =
  | { ok: true; statut: StatutCandidature; siretADebiter: string | null }
  | ({ ok: false; refus: RefusDesignation[] } & RefusDesignation);

export interface EntreeDesignation {
  statut: StatutCandidature;
  offre: OffrePieces;
  demande: FoyerPieces;
  justificatifs: readonly JustificatifRules[];
  suspensions: readonly SuspensionRules[];
  /** The demandeur's employers. */
  entreprises: readonly EntrepriseRules[];
  maintenant: Instant;
}

/** R-PSEEC: whether the demande depends on PSEEC rights, and which entreprise a designation uses. */
export function droitsPseec(
  demande: Pick<DemandeRules, 'publicCible'>,
  entreprises: readonly EntrepriseRules[],
): { concernee: boolean; siretADebiter: string | null } {
  if (demande.publicCible !== 'pseec') return { concernee: false, siretADebiter: null };
  const avecDroits = entreprises.find((e) => e.contribution === 'pseec' && e.droitsPseecRestants > 0);
  return { concernee: true, siretADebiter: avecDroits?.siret ?? null };
}

function refusPseec(demande: Pick<DemandeRules, 'publicCible'>, entreprises: readonly EntrepriseRules[]): Refus<'DROITS_PSEEC_EPUISES'> | null {
  const pseec = droitsPseec(demande, entreprises);
  if (!pseec.concernee || pseec.siretADebiter !== null) return null;
  return {
    code: 'DROITS_PSEEC_EPUISES',
    raison: 'L’entreprise (PSEEC) du demandeur a épuisé ses droits : la candidature attend que des droits soient rouverts.',
  };
}

/** The reglementaire pieces not `valide` (or expired) — what blocks the designation. */
export function piecesNonValidees(offre: OffrePieces, foyer: FoyerPieces, justificatifs: readonly JustificatifRules[], maintenant: Instant): PieceRequise[] {
  return checklist(offre, foyer, justificatifs, maintenant)
    .filter((l) => l.source !== 'situation' && !l.validee)
    .map(({ type, titulaire, source }) => ({ type, titulaire, source }));
}

function refusTransition(statut: StatutCandidature, action: 'designer' | 'instruire'): RefusDesignation | null {
  const r = transition(statut, action, 'agent');
  if (r.ok) return null;
  return { code: 'TRANSITION_INTERDITE' satisfies CodeTransition, raison: r.raison };
}

function resultat(refus: RefusDesignation[], statut: StatutCandidature, siret: string | null): ResultatDesignation {
  const tries = [...refus].sort((a, b) => ORDRE_REFUS_DESIGNATION.indexOf(a.code) - ORDRE_REFUS_DESIGNATION.indexOf(b.code));
  return tries.length === 0 ? { ok: true, statut, siretADebiter: siret } : { ok: false, refus: tries, ...tries[0] };
}

/** R-DESIGNATE: every reason the designation is refused, in ORDRE_REFUS_DESIGNATION, or ok. */
export function verifierDesignation(entree: EntreeDesignation): ResultatDesignation {
  const refus: RefusDesignation[] = [];
  const t = refusTransition(entree.statut, 'designer');
  if (t) refus.push(t);
  if (estSuspendu(entree.suspensions, entree.maintenant)) refus.push({ code: 'SUSPENDU', raison: 'Le demandeur est suspendu.' });
  const manquantes = piecesNonValidees(entree.offre, entree.demande, entree.justificatifs, entree.maintenant);
  if (manquantes.length > 0) {
    // In French words, never the codes: the agent reads it (issue #15).
    const liste = manquantes.map((p) => `${LIBELLES_PIECE[p.type]} (${p.titulaire})`).join(', ');
    refus.push({ code: 'PIECES_NON_VALIDEES', raison: `Pièces à valider avant la désignation : ${liste}.` });
  }
  const pseec = refusPseec(entree.demande, entree.entreprises);
  if (pseec) refus.push(pseec);
  return resultat(refus, 'transmise_bailleur', droitsPseec(entree.demande, entree.entreprises).siretADebiter);
}

/** R-PSEEC at instruction: the lifecycle allows it and, for a pseec demande, rights are left. */
export function verifierInstruction(entree: Pick<EntreeDesignation, 'statut' | 'demande' | 'entreprises'>): ResultatDesignation {
  const refus: RefusDesignation[] = [];
  const t = refusTransition(entree.statut, 'instruire');
  if (t) refus.push(t);
  const pseec = refusPseec(entree.demande, entree.entreprises);
  if (pseec) refus.push(pseec);
  return resultat(refus, 'en_instruction', null);
}
