import type { ResourceDef } from './resource';
import { agents } from '@server/modules/agents/agents.resource';
import { auditEvents } from '@server/modules/audit-events/audit-events.resource';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { demandes } from '@server/modules/demandes/demandes.resource';
import { demandeurs } from '@server/modules/demandeurs/demandeurs.resource';
import { exportsResource } from '@server/modules/exports/exports.resource';
import { justificatifs } from '@server/modules/justificatifs/justificatifs.resource';
import { notifications } from '@server/modules/notifications/notifications.resource';
import { offres } from '@server/modules/offres/offres.resource';
import { propositions } from '@server/modules/propositions/propositions.resource';
import { bailleurs, entreprises, programmes } from '@server/modules/referentiel.resources';
import { signalements } from '@server/modules/signalements/signalements.resource';
import { suspensions } from '@server/modules/suspensions/suspensions.resource';

/** Every resource of api.md, served by the one simple-rest layer. */
export const RESOURCE_DEFS: ResourceDef[] = [
  demandeurs, demandes, candidatures, offres, programmes, bailleurs, entreprises, justificatifs,
  suspensions, propositions, signalements, exportsResource, notifications, auditEvents, agents,
];
