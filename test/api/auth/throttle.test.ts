import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { testContext, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { ormConfig } from '@server/db/mikro-orm.config';
import { createApp } from '@server/app';

const t = useTestApp();
let agent: Awaited<ReturnType<typeof createAgent>>;
beforeAll(async () => {
  agent = await createAgent(t.orm, 'conseiller', ['75']);
});
const attempt = (password: string, app = t.app, email = agent.email) => request(app).post('/api/auth/login').send({ email, password });

describe('CNIL 2022-100 login throttling', () => {
  it('after 5 failures waits at least 60 s, then doubles; the right password is refused while locked', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('faux-' + i)).status).toBe(401);
    const locked = await attempt(agent.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TROP_DE_TENTATIVES');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(60);
    t.clock.advance(59_000);
    expect((await attempt(agent.password)).status).toBe(429);
    t.clock.advance(1_000);
    expect((await attempt('encore-faux')).status).toBe(401); // 6th failure → 120 s
    t.clock.advance(119_000);
    expect((await attempt(agent.password)).status).toBe(429);
    t.clock.advance(1_000);
    expect((await attempt(agent.password)).status).toBe(200); // success resets the streak
    expect((await attempt('faux')).status).toBe(401);
  });

  it('throttles an unknown email exactly like a real one', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('x', t.app, 'inconnu@als.test')).status).toBe(401);
    expect((await attempt('x', t.app, 'inconnu@als.test')).status).toBe(429);
  });

  it('counts at most 25 failures per account in 24 h, even when successes reset the streak; counters are shared by another app instance', async () => {
    const victim = await createAgent(t.orm, 'manager');
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 5; i++) {
        expect((await attempt('faux', t.app, victim.email)).status).toBe(401);
        t.clock.advance(1_000);
      }
      t.clock.advance(60_000);
      if (round < 4) expect((await attempt(victim.password, t.app, victim.email)).status).toBe(200);
    }
    // 25 failures within 24 h. A second process (replica, or after a restart) sees the same counters.
    const orm2 = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 2 } }));
    try {
      const app2 = createApp(testContext(orm2, t.clock, t.storage));
      const r = await attempt(victim.password, app2, victim.email);
      expect(r.status).toBe(429);
      expect(r.body.detail).toMatch(/aujourd’hui/);
      t.clock.advance(24 * 3600_000);
      expect((await attempt(victim.password, app2, victim.email)).status).toBe(200);
    } finally {
      await orm2.close(true);
    }
  });
});
