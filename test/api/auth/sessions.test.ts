import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let agent: Awaited<ReturnType<typeof createAgent>>;
beforeAll(async () => {
  agent = await createAgent(t.orm, 'manager');
});
const MIN = 60_000;
const me = (token: string) => request(t.app).get('/api/auth/me').set(bearer(token));

describe('R-SESSION: agents’ sessions', () => {
  it('expires after 30 minutes without activity, not before', async () => {
    const token = await login(t.app, agent.email, agent.password);
    t.clock.advance(29 * MIN);
    expect((await me(token)).status).toBe(200); // activity: the idle clock restarts
    t.clock.advance(29 * MIN + 59_000);
    expect((await me(token)).status).toBe(200);
    t.clock.advance(30 * MIN);
    expect((await me(token)).status).toBe(401);
  });

  it('ends after 12 hours even with constant activity', async () => {
    const token = await login(t.app, agent.email, agent.password);
    for (let i = 0; i < 23; i++) {
      t.clock.advance(30 * MIN - 1000);
      expect((await me(token)).status).toBe(200);
    }
    t.clock.advance(30 * MIN); // now past 12 h since login
    expect((await me(token)).status).toBe(401);
  });

  it('logout revokes the session server-side', async () => {
    const token = await login(t.app, agent.email, agent.password);
    const out = await request(t.app).post('/api/auth/logout').set(bearer(token));
    expect(out.status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });
});
