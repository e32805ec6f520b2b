/**
 * Standard motifs of « Ne pas retenir », told to the demandeur as written: the agent picks one and
 * completes it, or writes his own. Plain French, no internal word.
 */
export const MODELES_NE_PAS_RETENIR = [
  'Dossier incomplet : les pièces demandées n’ont pas été fournies dans le délai.',
  'Les ressources du foyer dépassent le plafond applicable à ce logement.',
  'La composition du foyer ne correspond pas à la taille du logement.',
  'Vous n’avez pas pu être joint malgré plusieurs tentatives.',
  'Le logement a été proposé à des candidats mieux classés.',
  'Vous avez indiqué ne plus être intéressé par ce logement.',
] as const;

/**
 * Standard motifs of « Demander la pièce » (issue #15), sent to the demandeur as written: the agent
 * picks one and completes it, or writes his own.
 */
export const MODELES_DEMANDE_PIECE = [
  'La pièce n’a pas été déposée : elle est nécessaire pour instruire votre candidature.',
  'Le document déposé est illisible : merci d’en déposer une copie nette et complète.',
  'Le document déposé est incomplet : toutes les pages sont nécessaires.',
  'Le document déposé n’est plus valable : merci d’en déposer un de moins de 3 mois.',
  'Le document déposé n’est pas au bon nom : il doit être au nom de la personne concernée.',
] as const;
