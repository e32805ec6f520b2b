import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { AppAbility } from '@shared/abilities';
import type { Role } from '@shared/domain/enums';
import type { Clock, Config } from './config';
import type { FileStorage } from './storage/storage';
import type { Limiteur } from './http/rateLimit';
import type { Logger } from 'pino';

export interface AppContext {
  orm: MikroORM;
  clock: Clock;
  config: Config;
  /** Pieces and exports, shared by every replica (local folder or S3): never `node:fs` on DATA_DIR. */
  storage: FileStorage;
  /** Set by startJobs (server/src/jobs): queue a job run now. Absent when pg-boss is not started. */
  jobs?: JobsHandle;
  /** Rate limits shared by the replicas (http/rateLimit.ts); set by runServer. Absent: nothing is limited (most API tests). */
  limites?: Limiteur;
  /** Defaults to the process logger (server/src/logger.ts); tests pass one writing to memory. */
  logger?: Logger;
}

/**
 * What the HTTP layer may ask of the jobs. Declared here and implemented by the jobs module, so
 * the context does not depend on it (the jobs receive the context, never the reverse).
 */
export interface JobsHandle {
  /** Queues a run now ("Lancer maintenant"); null when one is already waiting (stately queue). */
  lancer(nom: string, agentId: number): Promise<string | null>;
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
