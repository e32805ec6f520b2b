import { usePermissions } from 'react-admin';
import type { Action, AppAbility, Subject } from '@shared/abilities';

/** The signed-in agent's CASL ability (authProvider.getPermissions), or undefined while loading. */
export function useAbility(): AppAbility | undefined {
  const { permissions } = usePermissions<AppAbility>();
  return permissions;
}

/** `ability.can(action, subject, field)`, false while the ability loads. */
export function useCan(action: Action, subject: Subject, field?: string): boolean {
  const ability = useAbility();
  return ability?.can(action, subject, field) ?? false;
}
