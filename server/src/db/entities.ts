import { Agent } from '../modules/agents/Agent.entity';
import { AuditEvent } from '../modules/audit-events/AuditEvent.entity';
import { LoginThrottle } from '../modules/auth/LoginThrottle.entity';
import { Session } from '../modules/auth/Session.entity';
import { Bailleur } from '../modules/bailleurs/Bailleur.entity';
import { Candidature } from '../modules/candidatures/Candidature.entity';
import { CguVersion } from '../modules/cgu/CguVersion.entity';
import { Commune } from '../modules/communes/Commune.entity';
import { LienVerification } from '../modules/comptes/LienVerification.entity';
import { Demande } from '../modules/demandes/Demande.entity';
import { Demandeur } from '../modules/demandeurs/Demandeur.entity';
import { Entreprise } from '../modules/entreprises/Entreprise.entity';
import { Export } from '../modules/exports/Export.entity';
import { FiltreSauvegarde } from '../modules/filtres/FiltreSauvegarde.entity';
import { InactiviteEtape } from '../modules/inactivite/InactiviteEtape.entity';
import { Justificatif } from '../modules/justificatifs/Justificatif.entity';
import { Note } from '../modules/notes/Note.entity';
import { Notification } from '../modules/notifications/Notification.entity';
import { Offre } from '../modules/offres/Offre.entity';
import { Programme } from '../modules/programmes/Programme.entity';
import { Proposition } from '../modules/propositions/Proposition.entity';
import { Signalement } from '../modules/signalements/Signalement.entity';
import { Suspension } from '../modules/suspensions/Suspension.entity';
import { TacheExecution } from '../jobs/TacheExecution.entity';

export const entities = [
  Agent, AuditEvent, LoginThrottle, Session, Bailleur, Candidature, Commune, Demande, Demandeur,
  Entreprise, Export, FiltreSauvegarde, Justificatif, Note, Notification, Offre, Programme, Proposition, Signalement, Suspension,
  CguVersion, LienVerification, InactiviteEtape, TacheExecution,
];
