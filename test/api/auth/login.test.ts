import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let agent: Awaited<ReturnType<typeof createAgent>>;
beforeAll(async () => {
  agent = await createAgent(t.orm, 'conseiller', ['69']);
});

describe('POST /api/auth/login', () => {
  it('logs in with the right password: token, profile and an httpOnly SameSite cookie', async () => {
    const r = await request(t.app).post('/api/auth/login').send({ email: agent.email.toUpperCase(), password: agent.password });
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^[\w-]{40,}$/);
    expect(r.body.agent).toMatchObject({ id: agent.id, email: agent.email, role: 'conseiller', territoires: ['69'] });
    expect(r.body.agent.password_hash).toBeUndefined();
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/als_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await request(t.app).get('/api/auth/me').set('Cookie', cookie.split(';')[0]);
    expect(me.status).toBe(200);
    expect(me.body.agent.id).toBe(agent.id);
    expect(Array.isArray(me.body.rules)).toBe(true);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'personne@als.test', password: 'nimporte-quoi-123' });
    const wrong = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: 'mauvais-mot-de-passe' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    const strip = ({ instance: _i, ...b }: Record<string, unknown>) => b; // instance: each request's own id
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(wrong.body.code).toBe('IDENTIFIANTS_INVALIDES');
  });

  it('refuses a malformed body with 400 problem+json', async () => {
    const r = await request(t.app).post('/api/auth/login').send({ email: 42 });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    const bad = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('JSON_INVALIDE');
  });

  it('accepts the Bearer token and refuses requests without a session', async () => {
    const token = await login(t.app, agent.email, agent.password);
    expect((await request(t.app).get('/api/candidatures').set(bearer(token))).status).toBe(200);
    const none = await request(t.app).get('/api/candidatures');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('NON_AUTHENTIFIE');
    expect((await request(t.app).get('/api/candidatures').set(bearer('faux-jeton'))).status).toBe(401);
  });
});
