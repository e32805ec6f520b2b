/** The planned candidatures and their history (each step becomes an audit event, some a notification). */
import type { CanalDemande, OrigineCandidature, StatutCandidature } from '@shared/domain/enums';
import type { AgentSeed } from './agents';
import type { OffreSeed } from './offres';
import type { DemandePlan, PersonnePlan } from './plan';

export type ActeurType = 'agent' | 'demandeur' | 'systeme';

export interface Etape {
  at: Date;
  /** 'candidater' then the ACTIONS_CANDIDATURE names (instruire, designer, ne_pas_retenir, attribuer, annuler, cloturer). */
  action: string;
  de: StatutCandidature | null;
  vers: StatutCandidature;
  acteur: ActeurType;
  agent: AgentSeed | null;
  motif: string | null;
  canal: CanalDemande | null;
}

export interface CandidaturePlan {
  reference: string;
  personne: PersonnePlan;
  demande: DemandePlan;
  offre: OffreSeed;
  statut: StatutCandidature;
  dateCandidature: Date;
  origine: OrigineCandidature;
  agentEnCharge: AgentSeed | null;
  priseEnChargeLe: Date | null;
  motif: string | null;
  canal: CanalDemande | null;
  designeeLe: Date | null;
  clotureLe: Date | null;
  etapes: Etape[];
  id: number;
}
