/**
 * The domain vocabulary of the rules (docs/regles.md), once, for server, console and seeds.
 * French domain words without accents; every list is a readonly tuple so that types and
 * runtime validation (zod enums, SQL CHECKs) come from the same source.
 */
export const ROLES = ['conseiller', 'controle_fraude', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CIVILITES = ['M', 'Mme'] as const;
export type Civilite = (typeof CIVILITES)[number];

export const STATUTS_COMPTE = ['a_verifier', 'actif', 'ferme'] as const;
export type StatutCompte = (typeof STATUTS_COMPTE)[number];

export const STATUTS_DEMANDE = ['brouillon', 'complete', 'cloturee'] as const;
export type StatutDemande = (typeof STATUTS_DEMANDE)[number];

export const MOTIFS_CLOTURE = ['inactivite', 'fraude', 'incivilite', 'fermeture_compte', 'attribution', 'agent'] as const;
export type MotifCloture = (typeof MOTIFS_CLOTURE)[number];
/**
 * The closing reason as agents read it (R-FRAUD-VIS, §11.14): a closure by a suspension shows as
 * `suspension`, never its category (fraude, incivilite), which is fraud data.
 */
export const MOTIFS_CLOTURE_VISIBLES = ['inactivite', 'suspension', 'fermeture_compte', 'attribution', 'agent'] as const;
export type MotifClotureVisible = (typeof MOTIFS_CLOTURE_VISIBLES)[number];
/** SQL: a motif column with the suspension categories folded into `suspension`. */
export const motifVisibleSql = (col: string) => `(case when ${col} in (${TYPES_SUSPENSION.map((t) => `'${t}'`).join(', ')}) then 'suspension' else ${col} end)`;
/** The same for a value in hand (the data package an agent produces). */
export const motifVisible = (v: unknown) => (typeof v === 'string' && (TYPES_SUSPENSION as readonly string[]).includes(v) ? 'suspension' : v);

export const PUBLICS_CIBLES = ['peec', 'peaec', 'pseec', 'dalo', 'daho', 'hors_public_cible'] as const;
export type PublicCible = (typeof PUBLICS_CIBLES)[number];

/** R-RANK-CD: declared priority situations (§13.6). */
export const SITUATIONS_PRIORITAIRES = [
  'sans_domicile',
  'fin_hebergement',
  'violences_familiales',
  'hotel',
  'mobilite_professionnelle',
  'acces_emploi',
] as const;
export type SituationPrioritaire = (typeof SITUATIONS_PRIORITAIRES)[number];

export const TITULAIRES = ['demandeur', 'codemandeur'] as const;
export type Titulaire = (typeof TITULAIRES)[number];

export const TYPES_JUSTIFICATIF = [
  'identite',
  'ressources',
  'avis_imposition',
  'attestation_employeur',
  'bulletin_salaire',
  'justificatif_domicile',
  'attestation_hebergement',
  'justificatif_situation',
  'reconnaissance_dalo_daho',
] as const;
export type TypeJustificatif = (typeof TYPES_JUSTIFICATIF)[number];
/** What a piece is called in French, in a sentence (« Pièces à valider : pièce d’identité… »). */
export const LIBELLES_PIECE: Record<TypeJustificatif, string> = {
  identite: 'pièce d’identité',
  ressources: 'justificatif de ressources',
  avis_imposition: 'avis d’imposition',
  attestation_employeur: 'attestation employeur',
  bulletin_salaire: 'bulletin de salaire',
  justificatif_domicile: 'justificatif de domicile',
  attestation_hebergement: 'attestation d’hébergement',
  justificatif_situation: 'justificatif de situation',
  reconnaissance_dalo_daho: 'reconnaissance DALO / DAHO',
};
/** The three "pièces socles" of R-RANK-CL. */
export const PIECES_SOCLES = ['identite', 'ressources', 'avis_imposition'] as const satisfies readonly TypeJustificatif[];

export const STATUTS_JUSTIFICATIF = ['depose', 'valide', 'refuse', 'expire', 'falsifie'] as const;
export type StatutJustificatif = (typeof STATUTS_JUSTIFICATIF)[number];

export const NATURES_OFFRE = ['classique', 'courte_duree'] as const;
export type NatureOffre = (typeof NATURES_OFFRE)[number];

export const FORMES_OFFRE = ['identifie', 'type'] as const;
export type FormeOffre = (typeof FORMES_OFFRE)[number];

export const TYPOLOGIES = ['chambre', 'studio', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
export type Typologie = (typeof TYPOLOGIES)[number];

export const REGLEMENTATIONS = ['plai', 'plus', 'pls', 'pli', 'libre', 'residence_temporaire'] as const;
export type Reglementation = (typeof REGLEMENTATIONS)[number];

export const STATUTS_CANDIDATURE = [
  'deposee',
  'en_instruction',
  'transmise_bailleur',
  'attribuee',
  'non_retenue',
  'annulee',
  'cloturee',
] as const;
export type StatutCandidature = (typeof STATUTS_CANDIDATURE)[number];
export const STATUTS_CANDIDATURE_OUVERTS = ['deposee', 'en_instruction', 'transmise_bailleur'] as const satisfies readonly StatutCandidature[];

export const ORIGINES_CANDIDATURE = ['portail', 'proposition'] as const;
export type OrigineCandidature = (typeof ORIGINES_CANDIDATURE)[number];

export const CANAUX_DEMANDE = ['telephone', 'courriel', 'reclamation'] as const;
export type CanalDemande = (typeof CANAUX_DEMANDE)[number];

export const TYPES_SUSPENSION = ['fraude', 'incivilite'] as const;
export type TypeSuspension = (typeof TYPES_SUSPENSION)[number];

export const STATUTS_PROPOSITION = ['envoyee', 'acceptee', 'refusee', 'expiree'] as const;
export type StatutProposition = (typeof STATUTS_PROPOSITION)[number];

export const CONTRIBUTIONS = ['peec', 'peaec', 'pseec'] as const;
export type Contribution = (typeof CONTRIBUTIONS)[number];

export const STATUTS_SIGNALEMENT = ['nouveau', 'en_cours', 'confirme', 'infirme'] as const;
export type StatutSignalement = (typeof STATUTS_SIGNALEMENT)[number];

export const TYPES_SIGNALEMENT = ['identite_multiple', 'telephone_partage', 'email_variante', 'fichier_partage', 'metadonnees_pdf', 'contenu_actif', 'signalement_agent'] as const;
export type TypeSignalement = (typeof TYPES_SIGNALEMENT)[number];

export const TYPES_EXPORT = ['designations_bailleur', 'rapport_entreprise', 'dossier_designation'] as const;
export type TypeExport = (typeof TYPES_EXPORT)[number];

export const STATUTS_EXPORT = ['en_attente', 'en_cours', 'termine', 'echec', 'expire'] as const;
export type StatutExport = (typeof STATUTS_EXPORT)[number];

export const STATUTS_NOTIFICATION = ['a_envoyer', 'envoi_en_cours', 'envoyee', 'echec'] as const;
export type StatutNotification = (typeof STATUTS_NOTIFICATION)[number];

/** The resources of the API, one name everywhere (URL, react-admin <Resource>, folders). */
export const RESOURCES = [
  'demandeurs',
  'demandes',
  'candidatures',
  'offres',
  'programmes',
  'bailleurs',
  'entreprises',
  'justificatifs',
  'suspensions',
  'propositions',
  'signalements',
  'exports',
  'notifications',
  'audit-events',
  'agents',
] as const;
export type ResourceName = (typeof RESOURCES)[number];

/**
 * Who triggers a candidature transition (R-CAND-FSM): the applicant, an agent of the console, a job,
 * or the bailleur answering a designation from its link page (CALEOL decision).
 */
export const ACTEURS = ['demandeur', 'agent', 'systeme', 'bailleur'] as const;
export type Acteur = (typeof ACTEURS)[number];

/** The actions of the candidature lifecycle (R-CAND-FSM); URLs spell them with dashes (`ne-pas-retenir`). */
export const ACTIONS_CANDIDATURE = ['instruire', 'designer', 'ne_pas_retenir', 'attribuer', 'annuler', 'cloturer'] as const;
export type ActionCandidature = (typeof ACTIONS_CANDIDATURE)[number];

export const STATUTS_CANDIDATURE_FINAUX = ['attribuee', 'non_retenue', 'annulee', 'cloturee'] as const satisfies readonly StatutCandidature[];

/** R-INACT: the three steps of the inactivity calendar (§11.6), in order. */
export const ETAPES_INACTIVITE = ['avertissement', 'relance', 'cloture'] as const;
export type EtapeInactivite = (typeof ETAPES_INACTIVITE)[number];

/** Reasons an agent refuses a justificatif (code + free text). */
export const MOTIFS_REFUS_PIECE = ['illisible', 'incomplet', 'perime', 'non_conforme', 'titulaire_incorrect', 'autre'] as const;
export type MotifRefusPiece = (typeof MOTIFS_REFUS_PIECE)[number];

/** Where an « envoi » of designated candidatures to their bailleur comes from (the reminder job sends one too). */
export const ORIGINES_ENVOI_BAILLEUR = ['candidature', 'offre', 'export', 'relance'] as const;
export type OrigineEnvoiBailleur = (typeof ORIGINES_ENVOI_BAILLEUR)[number];

/** The bailleur's answer to a designation (its CALEOL decision). */
export const DECISIONS_BAILLEUR = ['attribuee', 'non_retenue'] as const;
export type DecisionBailleur = (typeof DECISIONS_BAILLEUR)[number];

/** Why a bailleur did not retain a designated candidature (code + free text). */
export const MOTIFS_NON_RETENUE_BAILLEUR = [
  'autre_candidat_retenu',
  'ressources_insuffisantes',
  'ressources_superieures_plafond',
  'logement_inadapte_foyer',
  'dossier_incomplet',
  'desistement_candidat',
  'candidat_injoignable',
  'refus_caleol',
  'autre',
] as const;
export type MotifNonRetenueBailleur = (typeof MOTIFS_NON_RETENUE_BAILLEUR)[number];

/** What the bailleur did with its link: audited with IP and time. */
export const TYPES_ACCES_BAILLEUR = ['ouverture', 'telechargement_dossier', 'telechargement_tableau', 'decision', 'import_tableau'] as const;
export type TypeAccesBailleur = (typeof TYPES_ACCES_BAILLEUR)[number];
