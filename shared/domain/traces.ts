/**
 * DATA-TRACES (CNIL deliberation 2021-122): what an agent's read of personal data is traced
 * under. The simple-rest resources (one record, or a list with its filter and row count), then the
 * domain views outside simple-rest that show personal data (the record is the candidature, demande
 * or offer read). The server writes these names; the console's « Traces d’accès » page names them.
 */
export const RESSOURCES_PERSONNELLES = [
  'demandeurs', 'demandes', 'candidatures', 'justificatifs', 'suspensions', 'propositions', 'notifications', 'signalements',
] as const;

export const VUES_PERSONNELLES = [
  'dossier', // GET /candidatures/:id/dossier: identity, household, pieces, checks
  'timeline-candidature', 'timeline-demande', // history, with the agents' and the demandeur's acts
  'notes-candidature', 'notes-demande', // agents' private notes on the person
  'classement', // GET /offres/:id/classement: names and ranks of the offer's applicants
  'correspondances', // GET /offres/:id/correspondances: demandeurs an offer may be proposed to
  'offres-similaires', // GET /candidatures/:id/offres-similaires: a demandeur's eligibility
] as const;

export const RESSOURCES_TRACEES: readonly string[] = [...RESSOURCES_PERSONNELLES, ...VUES_PERSONNELLES];
export type RessourceTracee = (typeof RESSOURCES_PERSONNELLES)[number] | (typeof VUES_PERSONNELLES)[number];
