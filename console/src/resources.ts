import type { ComponentType } from 'react';
import type { ResourceName } from '@shared/domain/enums';
import { agents } from './agents';
import { auditEvents } from './audit-events';
import { bailleurs } from './bailleurs';
import { candidatures } from './candidatures';
import { demandes } from './demandes';
import { demandeurs } from './demandeurs';
import { entreprises } from './entreprises';
import { exportsResource } from './exports';
import { justificatifs } from './justificatifs';
import { notifications } from './notifications';
import { offres } from './offres';
import { programmes } from './programmes';
import { propositions } from './propositions';
import { signalements } from './signalements';
import { suspensions } from './suspensions';

/** What each `console/src/<resource>/index.ts` exports. */
export interface ResourceViews {
  list: ComponentType;
  show: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon: ComponentType;
  // any: each resource types its own record; react-admin calls this with the record it loaded.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  recordRepresentation: (record: any) => string;
}

/**
 * Every resource, in the order the console prefers as a landing page (the first one the agent
 * may list): advisors and managers land on the candidatures, admins on the offers.
 */
export const RESOURCE_VIEWS: { name: ResourceName; views: ResourceViews }[] = [
  { name: 'candidatures', views: candidatures },
  { name: 'demandes', views: demandes },
  { name: 'demandeurs', views: demandeurs },
  { name: 'justificatifs', views: justificatifs },
  { name: 'propositions', views: propositions },
  { name: 'offres', views: offres },
  { name: 'programmes', views: programmes },
  { name: 'bailleurs', views: bailleurs },
  { name: 'suspensions', views: suspensions },
  { name: 'signalements', views: signalements },
  { name: 'exports', views: exportsResource },
  { name: 'entreprises', views: entreprises },
  { name: 'agents', views: agents },
  { name: 'notifications', views: notifications },
  { name: 'audit-events', views: auditEvents },
];
