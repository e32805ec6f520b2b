/**
 * R-CAND-FSM, R-CANCEL-SELF (§11.23.1, §11.23.2, §13.4): the candidature lifecycle.
 *
 *   deposee ─instruire─▶ en_instruction ─designer─▶ transmise_bailleur ─attribuer─▶ attribuee
 *   en_instruction, transmise_bailleur ─ne_pas_retenir─▶ non_retenue
 *   deposee ─annuler (demandeur or agent)─▶ annulee; en_instruction ─annuler (agent only)─▶ annulee
 *   any open state ─cloturer (systeme: suspension, inactivite, offre reprise, fermeture)─▶ cloturee
 *   the bailleur decides (CALEOL) only from transmise_bailleur: attribuer, or ne_pas_retenir with a motif
 *
 * Which agent role may act is the abilities' business (CASL), not this file's: here an agent is
 * any console user. Codes: TRANSITION_INTERDITE (409, the lifecycle forbids it), EN_INSTRUCTION
 * (409, a demandeur cancelling once Action Logement handles the file), ACTEUR_NON_AUTORISE
 * (403, this actor never does this action), MOTIF_REQUIS / CANAL_REQUIS (400, missing input).
 */
import {
  CANAUX_DEMANDE,
  STATUTS_CANDIDATURE_FINAUX,
  STATUTS_CANDIDATURE_OUVERTS,
  type ActionCandidature,
  type Acteur,
  type CanalDemande,
  type StatutCandidature,
} from '@shared/domain/enums';
import type { Refus } from '@shared/domain/types';

export const STATUTS_OUVERTS: readonly StatutCandidature[] = STATUTS_CANDIDATURE_OUVERTS;
export const STATUTS_FINAUX: readonly StatutCandidature[] = STATUTS_CANDIDATURE_FINAUX;

export type CodeTransition = 'TRANSITION_INTERDITE' | 'EN_INSTRUCTION' | 'ACTEUR_NON_AUTORISE' | 'MOTIF_REQUIS' | 'CANAL_REQUIS';

export type ResultatTransition = { ok: true; statut: StatutCandidature } | ({ ok: false } & Refus<CodeTransition>);

/** What the agent typed: the request channel and the motif (annuler, ne_pas_retenir). */
export interface DetailsTransition {
  motif?: string | null;
  canal?: CanalDemande | null;
}

interface Regle {
  /** Source states, per actor allowed to act from them. */
  depuis: Partial<Record<Acteur, readonly StatutCandidature[]>>;
  vers: StatutCandidature;
  motifRequis?: readonly Acteur[];
  canalRequis?: readonly Acteur[];
}

const REGLES: Record<ActionCandidature, Regle> = {
  instruire: { depuis: { agent: ['deposee'] }, vers: 'en_instruction' },
  designer: { depuis: { agent: ['en_instruction'] }, vers: 'transmise_bailleur' },
  ne_pas_retenir: {
    depuis: { agent: ['en_instruction', 'transmise_bailleur'], bailleur: ['transmise_bailleur'] },
    vers: 'non_retenue',
    motifRequis: ['agent', 'bailleur'],
  },
  attribuer: { depuis: { agent: ['transmise_bailleur'], bailleur: ['transmise_bailleur'] }, vers: 'attribuee' },
  annuler: {
    depuis: { demandeur: ['deposee'], agent: ['deposee', 'en_instruction'] },
    vers: 'annulee',
    motifRequis: ['agent'],
    canalRequis: ['agent'],
  },
  cloturer: { depuis: { systeme: STATUTS_CANDIDATURE_OUVERTS }, vers: 'cloturee' },
};

const LIBELLES_ACTION: Record<ActionCandidature, string> = {
  instruire: 'instruire',
  designer: 'désigner au bailleur',
  ne_pas_retenir: 'ne pas retenir',
  attribuer: 'attribuer',
  annuler: 'annuler',
  cloturer: 'clôturer',
};

/** The statuses as the agents and the demandeurs read them (messages, reports). */
export const LIBELLES_STATUT: Record<StatutCandidature, string> = {
  deposee: 'Déposée',
  en_instruction: 'En instruction',
  transmise_bailleur: 'Transmise au bailleur',
  attribuee: 'Attribuée',
  non_retenue: 'Non retenue',
  annulee: 'Annulée',
  cloturee: 'Clôturée',
};

/** « de » before a verb, elided before a vowel: « d’instruire », « de désigner ». */
export function deVerbe(verbe: string): string {
  return /^[aeiouyàâéèêîôû]/i.test(verbe) ? `d’${verbe}` : `de ${verbe}`;
}

const LIBELLES_ACTEUR: Record<Acteur, string> = { demandeur: 'Le demandeur', agent: 'Un agent', systeme: 'Le système', bailleur: 'Le bailleur' };

export function estOuvert(statut: StatutCandidature): boolean {
  return STATUTS_OUVERTS.includes(statut);
}

export function estFinal(statut: StatutCandidature): boolean {
  return STATUTS_FINAUX.includes(statut);
}

/** The actions this actor may take from this state (the buttons to show), in lifecycle order. */
export function actionsPossibles(statut: StatutCandidature, acteur: Acteur): ActionCandidature[] {
  return (Object.keys(REGLES) as ActionCandidature[]).filter((action) => REGLES[action].depuis[acteur]?.includes(statut));
}

/** Which details an action needs from this actor (to build forms and validate bodies). */
export function detailsRequis(action: ActionCandidature, acteur: Acteur): { motif: boolean; canal: boolean } {
  const regle = REGLES[action];
  return { motif: regle.motifRequis?.includes(acteur) ?? false, canal: regle.canalRequis?.includes(acteur) ?? false };
}

function refus(code: CodeTransition, raison: string): ResultatTransition {
  return { ok: false, code, raison };
}

/** Applies one action of the lifecycle; never throws. */
export function transition(
  statut: StatutCandidature,
  action: ActionCandidature,
  acteur: Acteur,
  details: DetailsTransition = {},
): ResultatTransition {
  const regle = REGLES[action];
  const depuis = regle.depuis[acteur];
  const libelle = LIBELLES_ACTION[action];
  if (!depuis) return refus('ACTEUR_NON_AUTORISE', `${LIBELLES_ACTEUR[acteur]} ne peut pas ${libelle} une candidature.`);
  if (!depuis.includes(statut)) {
    if (action === 'annuler' && acteur === 'demandeur' && estOuvert(statut)) {
      return refus(
        'EN_INSTRUCTION',
        'La candidature est en cours de traitement par Action Logement Services : contactez le service client pour l’annuler.',
      );
    }
    return refus('TRANSITION_INTERDITE', `Impossible ${deVerbe(libelle)} une candidature au statut « ${LIBELLES_STATUT[statut]} ».`);
  }
  const requis = detailsRequis(action, acteur);
  if (requis.canal && !(details.canal && CANAUX_DEMANDE.includes(details.canal))) {
    return refus('CANAL_REQUIS', 'Indiquez le canal de la demande (téléphone, courriel ou réclamation).');
  }
  if (requis.motif && !details.motif?.trim()) return refus('MOTIF_REQUIS', 'Un motif est obligatoire pour cette action.');
  return { ok: true, statut: regle.vers };
}
