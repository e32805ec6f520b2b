import { createMongoAbility, subject, type RawRuleOf } from '@casl/ability';
import type { Action, AppAbility } from '@shared/abilities';
import { RESOURCES, type ResourceName } from '@shared/domain/enums';

export type AbilityRules = RawRuleOf<AppAbility>[];

/** The CASL ability of the signed-in agent, from the raw rules GET /api/auth/me answers. */
export const buildAbility = (rules: AbilityRules): AppAbility => createMongoAbility<AppAbility>(rules);

/** react-admin's page actions mapped onto our CASL actions; business actions pass through. */
const RA_ACTIONS: Record<string, Action> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
};

const isResource = (name: string): name is ResourceName => (RESOURCES as readonly string[]).includes(name);

export interface AccessQuery {
  action: string;
  resource: string;
  record?: Record<string, unknown>;
}

/**
 * The console's `canAccess`: hides what the ability forbids. Reads are never checked against a
 * record (the server already answers 404 for what the agent may not see, and conditions may use
 * virtual fields like `departementsCandidatures` that records do not carry). For other actions
 * the record is used only when it holds every field the rule conditions test.
 */
export function canAccessWith(ability: AppAbility, { action, resource, record }: AccessQuery): boolean {
  if (!isResource(resource)) return false;
  const caslAction = (RA_ACTIONS[action] ?? action) as Action;
  if (caslAction === 'read' || record == null) return ability.can(caslAction, resource);
  const testable = ability
    .rulesFor(caslAction, resource)
    .every((rule) => Object.keys(rule.conditions ?? {}).every((field) => field in record));
  return testable ? ability.can(caslAction, subject(resource, { ...record })) : ability.can(caslAction, resource);
}
