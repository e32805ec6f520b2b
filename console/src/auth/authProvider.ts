import type { AuthProvider } from 'react-admin';
import { problemFromResponse } from '@console/data/problem';
import { canAccessWith } from './ability';
import { forgetSession, isKnownAnonymous, loadSession, type AgentProfile } from './session';

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

export interface LoginParams {
  /** react-admin's login form calls it `username`; the API wants the e-mail. */
  username: string;
  password: string;
}

/**
 * Cookie-based authentication: the server sets an httpOnly cookie on login, every request
 * sends it (`credentials: 'include'`), and the token of the login answer is deliberately
 * ignored so that no script can read it. Abilities come from GET /api/auth/me as CASL rules.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: LoginParams) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'include',
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: username.trim(), password }),
    });
    if (!response.ok) throw await problemFromResponse(response);
    forgetSession();
    await loadSession();
  },

  async logout() {
    const signedIn = !isKnownAnonymous();
    forgetSession();
    if (!signedIn) return;
    try {
      await fetch('/api/auth/logout', { method: 'POST', credentials: 'include', headers: JSON_HEADERS });
    } catch {
      // Offline: the cookie expires on its own; the console forgets the session anyway.
    }
  },

  async checkAuth() {
    await loadSession();
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      forgetSession();
      throw error;
    }
    // 403 and everything else: stay signed in, the page shows the error.
  },

  async getIdentity() {
    const { agent } = await loadSession();
    return identityOf(agent);
  },

  async getPermissions() {
    const { ability } = await loadSession();
    return ability;
  },

  async canAccess({ action, resource, record }) {
    const { ability } = await loadSession();
    return canAccessWith(ability, { action, resource, record });
  },
};

export function identityOf(agent: AgentProfile) {
  return {
    id: agent.id,
    fullName: `${agent.prenom} ${agent.nom}`,
    email: agent.email,
    role: agent.role,
    territoires: agent.territoires,
  };
}
