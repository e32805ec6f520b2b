import type { ResourceDef } from './resource';
import { agents } from '../modules/agents/agents.resource';
import { auditEvents } from '../modules/audit-events/audit-events.resource';
import { candidatures } from '../modules/candidatures/candidatures.resource';
import { demandes } from '../modules/demandes/demandes.resource';
import { demandeurs } from '../modules/demandeurs/demandeurs.resource';
import { exportsResource } from '../modules/exports/exports.resource';
import { justificatifs } from '../modules/justificatifs/justificatifs.resource';
import { notifications } from '../modules/notifications/notifications.resource';
import { offres } from '../modules/offres/offres.resource';
import { propositions } from '../modules/propositions/propositions.resource';
import { bailleurs, entreprises, programmes } from '../modules/referentiel.resources';
import { signalements } from '../modules/signalements/signalements.resource';
import { suspensions } from '../modules/suspensions/suspensions.resource';

/** Every resource of api.md, served by the one simple-rest layer. */
export const RESOURCE_DEFS: ResourceDef[] = [
  demandeurs, demandes, candidatures, offres, programmes, bailleurs, entreprises, justificatifs,
  suspensions, propositions, signalements, exportsResource, notifications, auditEvents, agents,
];
