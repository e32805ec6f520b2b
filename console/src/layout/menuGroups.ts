import type { ResourceName } from '@shared/domain/enums';

export interface MenuGroup {
  /** Translation key suffix: app.menu.<key>. */
  key: 'instruction' | 'offres' | 'controle' | 'pilotage' | 'administration';
  resources: readonly ResourceName[];
}

/** The sidebar, by the advisors' daily work. A resource is shown only if the agent may read it. */
export const MENU_GROUPS: readonly MenuGroup[] = [
  { key: 'instruction', resources: ['candidatures', 'demandes', 'demandeurs', 'justificatifs', 'propositions'] },
  { key: 'offres', resources: ['offres', 'programmes', 'bailleurs'] },
  { key: 'controle', resources: ['suspensions', 'signalements'] },
  { key: 'pilotage', resources: ['exports', 'entreprises'] },
  { key: 'administration', resources: ['agents', 'notifications', 'audit-events'] },
];
