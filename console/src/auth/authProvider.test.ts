import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { agentDe, anonymousHandler, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';
import { authProvider } from './authProvider';

describe('authProvider', () => {
  it('logs in with the e-mail, keeps no token in web storage, and loads the abilities', async () => {
    const agent = agentDe('conseiller', ['69']);
    let body: unknown;
    let credentials: RequestCredentials | undefined;
    server.use(
      http.post('/api/auth/login', async ({ request }) => {
        body = await request.json();
        credentials = request.credentials;
        return HttpResponse.json({ token: 'secret-token', agent });
      }),
      sessionHandler(agent),
    );
    await authProvider.login({ username: ' claire@als.test ', password: 'motdepasse-tres-long' });
    expect(body).toEqual({ email: 'claire@als.test', password: 'motdepasse-tres-long' });
    expect(credentials).toBe('include');
    const storage = JSON.stringify({ ...localStorage, ...sessionStorage });
    expect(storage).not.toContain('secret-token');

    const ability = await authProvider.getPermissions!({});
    expect(ability.can('read', 'candidatures')).toBe(true);
    expect(ability.can('read', 'agents')).toBe(false);
    expect(await authProvider.getIdentity!()).toMatchObject({ id: agent.id, fullName: 'Claire Martin', role: 'conseiller' });
  });

  it('shows the server detail when the login is refused', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Non authentifié', status: 401, code: 'IDENTIFIANTS_INVALIDES', detail: 'Adresse électronique ou mot de passe incorrect.' },
          { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await expect(authProvider.login({ username: 'x@als.test', password: 'non' })).rejects.toThrow('Adresse électronique ou mot de passe incorrect.');
  });

  it('checkAuth fails when /me answers 401', async () => {
    server.use(anonymousHandler());
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ status: 401 });
  });

  it('logs out on 401 only; a 403 keeps the agent signed in', async () => {
    await expect(authProvider.checkError({ status: 401 })).rejects.toBeTruthy();
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 409 })).resolves.toBeUndefined();
  });

  it('canAccess maps react-admin actions onto the CASL ability', async () => {
    server.use(sessionHandler(agentDe('manager')));
    const can = (action: string, resource: string, record?: Record<string, unknown>) => authProvider.canAccess!({ action, resource, record });
    expect(await can('list', 'offres')).toBe(true);
    expect(await can('create', 'offres')).toBe(true);
    expect(await can('edit', 'offres', { id: 1, departement: '13' })).toBe(true);
    expect(await can('delete', 'offres')).toBe(false);
    expect(await can('create', 'agents')).toBe(false);
    expect(await can('list', 'signalements')).toBe(false);
    expect(await can('list', 'inconnue')).toBe(false);
  });

  it('checks record conditions for business actions when the record carries their fields', async () => {
    server.use(sessionHandler(agentDe('conseiller', ['69'])));
    const can = (record: Record<string, unknown>) => authProvider.canAccess!({ action: 'instruire', resource: 'candidatures', record });
    expect(await can({ id: 1, departement: '69' })).toBe(true);
    expect(await can({ id: 2, departement: '13' })).toBe(false);
    // Reads never test the record: the server already hides what the agent may not see.
    expect(await authProvider.canAccess!({ action: 'show', resource: 'demandeurs', record: { id: 3 } })).toBe(true);
  });
});
