/** The French texts of the demo: motives, refusals, notification subjects and bodies. */
import type { TypeJustificatif, TypeSuspension } from '@shared/domain/enums';

export const MOTIFS_SUSPENSION: Record<TypeSuspension, string[]> = {
  fraude: [
    'Comptes multiples au nom de la même personne (identité inversée) et avis d’imposition falsifié déposé sur les deux comptes.',
    'Bulletins de salaire modifiés pour passer sous le plafond de ressources (montants retouchés, métadonnées incohérentes).',
    'Récidive : attestation employeur fabriquée de toutes pièces, l’entreprise déclarée n’emploie pas le demandeur.',
  ],
  incivilite: [
    'Menaces et propos injurieux répétés envers une conseillère lors de trois appels téléphoniques (comptes rendus joints).',
    'Comportement agressif à l’accueil et dégradation du mobilier le jour du rendez-vous d’instruction.',
    'Courriels insultants adressés au service instruction après la non-sélection d’une candidature.',
  ],
};

/**
 * Agents' motives for not retaining a candidature before designation. None restates a fact the
 * data contradicts: every seeded candidature is eligible (revenus under the plafond, typologie
 * suited to the household), so no « ressources supérieures au plafond » nor « typologie inadaptée »;
 * « dossier incomplet » only where the demande's pieces are (MOTIF_NON_RETENUE_INCOMPLET).
 */
export const MOTIFS_NON_RETENUE = [
  'Le demandeur n’a pas donné suite aux trois relances du conseiller',
  'Le demandeur a renoncé au logement après la visite',
];
export const MOTIF_NON_RETENUE_INCOMPLET = 'Dossier incomplet à l’issue du délai de relance de 15 jours';
export const MOTIFS_NON_RETENUE_BAILLEUR = [
  'Refus de la commission d’attribution du bailleur : taux d’effort trop élevé',
  'La commission d’attribution a retenu un autre candidat',
];

export const MOTIFS_ANNULATION_DEMANDEUR = [
  'J’ai trouvé un logement par ailleurs',
  'Le logement est trop éloigné de mon lieu de travail',
  'Je ne suis plus intéressé(e) par cette offre',
];
export const MOTIFS_ANNULATION_AGENT = [
  'Demande d’annulation du demandeur : mutation professionnelle dans une autre région',
  'Le demandeur renonce : loyer trop élevé pour son budget',
  'Le demandeur renonce : il est hébergé durablement par sa famille',
];

export const MOTIFS_CLOTURE_AGENT = 'Demande en double fusionnée avec la demande principale, à la demande du demandeur';

/**
 * Refusal motives that fit the refused piece: the page 2 of an avis d'imposition only for an avis,
 * « plus de trois mois » only for a dated piece, whose generated document is then dated so
 * (seeds/justificatifs.ts).
 */
export const MOTIF_REFUS_PERIME = 'Justificatif de plus de trois mois';
export function motifsRefusPiece(type: TypeJustificatif): string[] {
  if (type === 'avis_imposition') return ['Avis d’imposition incomplet : la page 2 est manquante', 'Avis d’imposition de l’année N-1 : celui de l’année N-2 est demandé'];
  if (type === 'identite') return ['Pièce d’identité recto seul : merci de déposer le recto et le verso'];
  return [MOTIF_REFUS_PERIME, 'Pièce non signée : merci de déposer la version signée'];
}

export const MOTIFS_FALSIFICATION: Partial<Record<TypeJustificatif, string>> = {
  avis_imposition: 'Montant du revenu fiscal de référence retouché : police différente, métadonnées Adobe Photoshop, modification plusieurs mois après la création.',
  bulletin_salaire: 'Bulletin de salaire recomposé : le SIRET ne correspond pas à l’employeur, document repassé par iLovePDF.',
};

export const LIBELLE_SITUATION: Record<string, string> = {
  sans_domicile: 'sans domicile / mise à l’abri',
  fin_hebergement: 'fin d’hébergement',
  violences_familiales: 'victime de violences familiales',
  hotel: 'hébergement à l’hôtel',
  mobilite_professionnelle: 'mobilité professionnelle',
  acces_emploi: 'accès à l’emploi conditionné par le logement',
};

/** Said of every seeded proposition, all made to eligible demandeurs (R-ELIG): nothing more. */
export const MESSAGES_PROPOSITION = [
  'Bonjour, vos ressources et la composition de votre foyer correspondent à ce logement. N’hésitez pas à candidater.',
  'Nous vous proposons ce logement, adapté à la composition de votre foyer.',
];

export const MOTIF_PRIORITE_CLOTURE: Record<string, string> = {
  fraude: 'Clôturée : accès du demandeur au service suspendu (CGU 11.13)',
  incivilite: 'Clôturée : accès du demandeur au service suspendu (CGU 11.13)',
  inactivite: 'Clôture automatique de la demande pour inactivité (CGU §11.6)',
  fermeture_compte: 'Fermeture du compte à la demande du demandeur',
  attribution: 'Logement attribué',
  agent: MOTIFS_CLOTURE_AGENT,
};
