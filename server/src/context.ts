import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '../../shared/abilities';
import type { Role } from '../../shared/domain/enums';
import type { Clock, Config } from './config';
import type { JobsHandle } from './jobs';

export interface AppContext {
  orm: MikroORM;
  clock: Clock;
  config: Config;
  /** Set by startJobs (server/src/jobs): queue a job run now. Absent when pg-boss is not started. */
  jobs?: JobsHandle;
}

export interface AgentPrincipal {
  id: number;
  email: string;
  nom: string;
  prenom: string;
  role: Role;
  territoires: string[];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      agent?: AgentPrincipal;
      ability?: AppAbility;
      sessionId?: string;
      em?: EntityManager;
    }
  }
}
