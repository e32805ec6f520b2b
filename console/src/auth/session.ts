import type { AppAbility } from '@shared/abilities';
import type { Role } from '@shared/domain/enums';
import { buildAbility, type AbilityRules } from './ability';

/**
 * The non-secret profile of the signed-in agent, kept in memory only: the token lives in the
 * httpOnly cookie and never reaches JavaScript storage; a reload asks GET /api/auth/me again.
 */
export interface AgentProfile {
  id: number;
  email: string;
  nom: string;
  prenom: string;
  role: Role;
  territoires: string[];
}

export interface Session {
  agent: AgentProfile;
  ability: AppAbility;
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super('ra.auth.auth_check_error');
  }
}

let current: Promise<Session> | null = null;
/** True once the server said « not signed in »: logging out then needs no request. */
let anonymous = false;

/** GET /api/auth/me once per page load (or after login); every auth call reuses the answer. */
export function loadSession(): Promise<Session> {
  current ??= fetchSession().catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

async function fetchSession(): Promise<Session> {
  const response = await fetch('/api/auth/me', { credentials: 'include', headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) {
    forgetSession();
    anonymous = true;
    throw new UnauthenticatedError();
  }
  anonymous = false;
  if (!response.ok) throw new Error(`GET /api/auth/me: ${response.status}`);
  const { agent, rules } = (await response.json()) as { agent: AgentProfile; rules: AbilityRules };
  return { agent, ability: buildAbility(rules) };
}

/** Called on logout or a 401: the next check asks the server again. */
export function forgetSession(): void {
  current = null;
}

export const isKnownAnonymous = (): boolean => anonymous;
