import type { ComponentType } from 'react';
import type { ResourceName } from '../../shared/domain/enums';
import { candidatures } from './candidatures';

/** What each `console/src/<resource>/index.ts` exports. */
export interface ResourceViews {
  list: ComponentType;
  show: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon: ComponentType;
  // The record type differs per resource; react-admin calls it with the record it loaded.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous record types
  recordRepresentation: (record: any) => string;
}

/**
 * Every resource, in the order the console prefers as a landing page (the first one the
 * agent may list): advisors land on the candidatures, admins on the offers.
 */
export const RESOURCE_VIEWS: { name: ResourceName; views: ResourceViews }[] = [
  { name: 'candidatures', views: candidatures },
];
