import { Agent } from '@server/modules/agents/Agent.entity';
import { AuditEvent } from '@server/modules/audit-events/AuditEvent.entity';
import { LoginThrottle } from '@server/modules/auth/LoginThrottle.entity';
import { Session } from '@server/modules/auth/Session.entity';
import { Bailleur } from '@server/modules/bailleurs/Bailleur.entity';
import { BailleurDecision, BailleurRelance } from '@server/modules/bailleurs/Decision.entity';
import { BailleurEnvoi, BailleurEnvoiCandidature } from '@server/modules/bailleurs/Envoi.entity';
import { BailleurAcces, BailleurLien } from '@server/modules/bailleurs/Lien.entity';
import { Candidature } from '@server/modules/candidatures/Candidature.entity';
import { CguVersion } from '@server/modules/cgu/CguVersion.entity';
import { Commune } from '@server/modules/communes/Commune.entity';
import { LienVerification } from '@server/modules/comptes/LienVerification.entity';
import { Demande } from '@server/modules/demandes/Demande.entity';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';
import { Entreprise } from '@server/modules/entreprises/Entreprise.entity';
import { Export } from '@server/modules/exports/Export.entity';
import { FiltreSauvegarde } from '@server/modules/filtres/FiltreSauvegarde.entity';
import { InactiviteEtape } from '@server/modules/inactivite/InactiviteEtape.entity';
import { Justificatif } from '@server/modules/justificatifs/Justificatif.entity';
import { Note } from '@server/modules/notes/Note.entity';
import { Notification } from '@server/modules/notifications/Notification.entity';
import { Offre } from '@server/modules/offres/Offre.entity';
import { Programme } from '@server/modules/programmes/Programme.entity';
import { Proposition } from '@server/modules/propositions/Proposition.entity';
import { Signalement } from '@server/modules/signalements/Signalement.entity';
import { Suspension } from '@server/modules/suspensions/Suspension.entity';
import { TacheExecution } from '@server/jobs/TacheExecution.entity';

export const entities = [
  Agent, AuditEvent, LoginThrottle, Session, Bailleur, Candidature, Commune, Demande, Demandeur,
  Entreprise, Export, FiltreSauvegarde, Justificatif, Note, Notification, Offre, Programme, Proposition, Signalement, Suspension,
  CguVersion, LienVerification, InactiviteEtape, TacheExecution,
  BailleurEnvoi, BailleurEnvoiCandidature, BailleurLien, BailleurAcces, BailleurDecision, BailleurRelance,
];
