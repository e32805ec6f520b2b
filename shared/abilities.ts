import { createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery, type RawRuleOf } from '@casl/ability';
import type { ResourceName, Role } from './domain/enums';

/**
 * Who may do what (domain.md, "Actors and roles"), defined once for the server (turned into
 * SQL conditions, field filtering) and the console (menus and buttons).
 *
 * Territory conditions use two virtual fields the server maps to SQL:
 * - `departement`: the département of the record itself (offres, candidatures, propositions, programmes);
 * - `departementsCandidatures`: the départements of the offers the record's demandeur applied to
 *   (demandeurs, demandes, justificatifs): "tied to offers of their départements".
 */
export const ACTIONS = [
  'read', 'create', 'update', 'delete',
  'instruire', 'designer', 'ne_pas_retenir', 'attribuer', 'annuler', 'prendre',
  'valider', 'refuser', 'marquer_falsifie', 'lever', 'telecharger', 'lever_controle_renforce',
  // §13.6 tier 1: set or clear « accompagné par le service dédié aux salariés en difficulté » on a demande.
  'modifier_accompagnement',
  // Outbox and scheduled jobs (admin): resend a failed notification, run a job now.
  'renvoyer', 'lancer',
  // Send transmitted candidatures to their bailleur (a link by mail) and revoke such a link.
  'envoyer_bailleur',
  // Personal data (issue #14): verify the audit chain (admin); produce a demandeur's data package (art. 15/20).
  'verifier', 'exporter_donnees',
  // Issue #15: ask the demandeur for a missing or refused piece of a dossier (those who instruct it).
  'demander_piece',
] as const;
export type Action = (typeof ACTIONS)[number];
/** A resource name, or a record tagged with it (`subject('candidatures', row)`) to check its conditions. */
/**
 * `jobs`: the scheduled jobs page; `statistiques`: the managers' dashboard; `journal`: the audit
 * chain's verification; `conservation`: the retention table page; `traces`: the agents' reads of
 * personal data (CNIL 2021-122), searched by managers and contrôle fraude (not simple-rest resources).
 */
export type NonResource = 'jobs' | 'statistiques' | 'journal' | 'conservation' | 'traces';
export type Subject = ResourceName | NonResource | 'all' | (Record<string, unknown> & ForcedSubject<ResourceName>);
/** String subjects with Mongo-style conditions on (virtual) fields. */
export type AppAbility = MongoAbility<[Action, Subject], MongoQuery>;

export interface AbilityAgent {
  id: number;
  role: Role;
  territoires: string[];
}

/**
 * Fraud data (R-FRAUD-VIS, §11.14): fields only controle_fraude reads. Everyone else may read
 * a suspension's dates and state ("suspendu jusqu'au …") and nothing more: not even its type
 * (fraude or incivilite), which tells the motive's category.
 */
export const FRAUD_FIELDS: Partial<Record<ResourceName, readonly string[]>> = {
  suspensions: ['type', 'motif', 'motifLevee', 'recidive', 'creeParId', 'leveeParId'],
  justificatifs: ['motifFalsification', 'metadonneesPdf'],
  'audit-events': ['details'],
};

/** Every field a non-fraud reader may see of a resource with fraud fields. */
function allBut(resource: ResourceName, fields: readonly string[]): string[] {
  return fields.filter((f) => !(FRAUD_FIELDS[resource] ?? []).includes(f));
}

export const SUSPENSION_FIELDS = ['id', 'demandeurId', 'type', 'debut', 'fin', 'dureeMois', 'motif', 'motifLevee', 'recidive', 'creeParId', 'leveeParId', 'leveeLe', 'createdAt', 'active', 'demandeurNom', 'demandeurPrenom'] as const;
export const JUSTIFICATIF_FIELDS = ['id', 'demandeId', 'demandeurId', 'titulaire', 'type', 'statut', 'motifRefus', 'dateValiditeFin', 'sha256', 'taille', 'mime', 'nomOriginal', 'metadonneesPdf', 'remplace', 'actif', 'verifieParId', 'verifieLe', 'motifFalsification', 'deposeLe', 'demandeurNom', 'demandeurPrenom'] as const;

/**
 * The outbox: admins run it (recipient, template, status, attempts, error) but do not read what
 * was written to the demandeur; the body (subject and text) is for contrôle fraude, who may need
 * what a demandeur was told (a suspension notice and its category, a deactivation). Advisors see
 * the subjects of the mails about a dossier in its history. No role ever sees a verification
 * link: the outbox never holds one (it is put into the mail at delivery).
 */
export const NOTIFICATION_BODY_FIELDS = ['sujet', 'corps'] as const;
export const NOTIFICATION_FIELDS = ['id', 'demandeurId', 'demandeurNom', 'destinataire', 'template', 'sujet', 'corps', 'statut', 'tentatives', 'prochainEssai', 'messageId', 'envoyeeLe', 'erreur', 'entite', 'entiteId', 'canal', 'createdAt'] as const;

export function defineAbilityFor(agent: AbilityAgent): AppAbility {
  const rules: RawRuleOf<AppAbility>[] = [];
  // A plain rule list (rather than AbilityBuilder, whose condition types collapse to `never` for string subjects).
  function can(action: Action | Action[], subject: ResourceName | NonResource | ResourceName[], a?: string[] | MongoQuery, b?: MongoQuery) {
    const fields = Array.isArray(a) ? a : undefined;
    const conditions = Array.isArray(a) ? b : a;
    rules.push({ action, subject, ...(fields ? { fields } : {}), ...(conditions ? { conditions } : {}) });
  }
  const inTerritory = { departement: { $in: agent.territoires } };
  const tiedToTerritory = { departementsCandidatures: { $in: agent.territoires } };
  const referentiel: ResourceName[] = ['bailleurs', 'entreprises', 'programmes'];

  switch (agent.role) {
    case 'conseiller':
      can('read', referentiel);
      can('read', 'offres', inTerritory);
      can(['read', 'instruire', 'designer', 'ne_pas_retenir', 'attribuer', 'annuler', 'prendre', 'envoyer_bailleur', 'demander_piece'], 'candidatures', inTerritory);
      can('read', ['demandeurs', 'demandes'], tiedToTerritory);
      can(['lever_controle_renforce', 'modifier_accompagnement'], 'demandes', tiedToTerritory);
      can(['read', 'valider', 'refuser', 'telecharger'], 'justificatifs', allBut('justificatifs', JUSTIFICATIF_FIELDS), tiedToTerritory);
      can('read', 'suspensions', allBut('suspensions', SUSPENSION_FIELDS), tiedToTerritory);
      can(['read', 'create'], 'propositions', inTerritory);
      // GDPR art. 15/20 on a request by mail: those who may read and download the demandeur's pieces.
      can('exporter_donnees', 'demandeurs', tiedToTerritory);
      break;
    case 'controle_fraude':
      can('read', [...referentiel, 'offres', 'candidatures', 'demandeurs', 'demandes', 'propositions']);
      can('create', 'propositions'); // §11.17, §11.25: pushes an offer, in every territory
      can(['instruire', 'designer', 'ne_pas_retenir', 'attribuer', 'annuler', 'prendre', 'demander_piece'], 'candidatures');
      can(['read', 'valider', 'refuser', 'telecharger', 'marquer_falsifie'], 'justificatifs');
      can(['read', 'create', 'update', 'lever'], 'suspensions');
      can(['read', 'update'], 'signalements');
      can('update', 'demandeurs');
      can('exporter_donnees', 'demandeurs');
      can('read', 'traces');
      can(['lever_controle_renforce', 'modifier_accompagnement'], 'demandes');
      can('read', 'audit-events');
      can('read', 'notifications');
      break;
    case 'manager':
      can('read', [...referentiel, 'offres', 'candidatures', 'demandeurs', 'demandes', 'propositions', 'exports']);
      can(['create', 'update'], 'offres');
      can('envoyer_bailleur', 'candidatures');
      can('create', 'exports');
      // "Only the agent who made it or a manager": every export is a manager's to download (audited).
      can('telecharger', 'exports');
      can('read', 'statistiques');
      can('read', 'justificatifs', allBut('justificatifs', JUSTIFICATIF_FIELDS));
      can('read', 'suspensions', allBut('suspensions', SUSPENSION_FIELDS));
      can('read', 'jobs');
      can('read', 'traces');
      break;
    case 'admin':
      can(['read', 'create', 'update'], [...referentiel, 'agents']);
      can('read', 'offres');
      can('read', 'notifications', NOTIFICATION_FIELDS.filter((f) => !(NOTIFICATION_BODY_FIELDS as readonly string[]).includes(f)));
      can('renvoyer', 'notifications');
      can(['read', 'lancer'], 'jobs');
      can('read', 'audit-events', { fraude: false });
      can('verifier', 'journal');
      can('read', 'conservation');
      break;
  }
  return createMongoAbility<AppAbility>(rules);
}

/** Serializable rules, for the console (GET /api/auth/me returns them). */
export function rulesFor(agent: AbilityAgent) {
  return defineAbilityFor(agent).rules;
}
