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
  // Outbox and scheduled jobs (admin): resend a failed notification, run a job now.
  'renvoyer', 'lancer',
] as const;
export type Action = (typeof ACTIONS)[number];
/** A resource name, or a record tagged with it (`subject('candidatures', row)`) to check its conditions. */
/** `jobs`: the scheduled jobs page; `statistiques`: the managers' dashboard (not simple-rest resources). */
export type NonResource = 'jobs' | 'statistiques';
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
      can(['read', 'instruire', 'designer', 'ne_pas_retenir', 'attribuer', 'annuler', 'prendre'], 'candidatures', inTerritory);
      can('read', ['demandeurs', 'demandes'], tiedToTerritory);
      can('lever_controle_renforce', 'demandes', tiedToTerritory);
      can(['read', 'valider', 'refuser', 'telecharger'], 'justificatifs', allBut('justificatifs', JUSTIFICATIF_FIELDS), tiedToTerritory);
      can('read', 'suspensions', allBut('suspensions', SUSPENSION_FIELDS), tiedToTerritory);
      can(['read', 'create'], 'propositions', inTerritory);
      break;
    case 'controle_fraude':
      can('read', [...referentiel, 'offres', 'candidatures', 'demandeurs', 'demandes', 'propositions']);
      can('create', 'propositions'); // §11.17, §11.25: pushes an offer, in every territory
      can(['instruire', 'designer', 'ne_pas_retenir', 'attribuer', 'annuler', 'prendre'], 'candidatures');
      can(['read', 'valider', 'refuser', 'telecharger', 'marquer_falsifie'], 'justificatifs');
      can(['read', 'create', 'update', 'lever'], 'suspensions');
      can(['read', 'update'], 'signalements');
      can('update', 'demandeurs');
      can('lever_controle_renforce', 'demandes');
      can('read', 'audit-events');
      break;
    case 'manager':
      can('read', [...referentiel, 'offres', 'candidatures', 'demandeurs', 'demandes', 'propositions', 'exports']);
      can(['create', 'update'], 'offres');
      can('create', 'exports');
      // "Only the agent who made it or a manager": every export is a manager's to download (audited).
      can('telecharger', 'exports');
      can('read', 'statistiques');
      can('read', 'justificatifs', allBut('justificatifs', JUSTIFICATIF_FIELDS));
      can('read', 'suspensions', allBut('suspensions', SUSPENSION_FIELDS));
      can('read', 'jobs');
      break;
    case 'admin':
      can(['read', 'create', 'update'], [...referentiel, 'agents']);
      can('read', 'offres');
      can(['read', 'renvoyer'], 'notifications');
      can(['read', 'lancer'], 'jobs');
      can('read', 'audit-events', { fraude: false });
      break;
  }
  return createMongoAbility<AppAbility>(rules);
}

/** Serializable rules, for the console (GET /api/auth/me returns them). */
export function rulesFor(agent: AbilityAgent) {
  return defineAbilityFor(agent).rules;
}
