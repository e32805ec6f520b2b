import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import type { AppContext } from '@server/context';
import { startJobs } from '@server/jobs';
import { NOMS_TACHES } from '@server/jobs/definitions';
import { bearer, FakeClock, login, testContext } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { baseDediee, sql, type BaseDediee } from './support';

let db: BaseDediee;
const arrets: (() => Promise<void>)[] = [];

async function contexte(env: NodeJS.ProcessEnv, orm = db.orm): Promise<{ ctx: AppContext; app: Express }> {
  const ctx: AppContext = testContext(orm, new FakeClock());
  arrets.push(await startJobs(ctx, env));
  return { ctx, app: createApp(ctx) };
}
const executions = (declenchement: string) =>
  sql<{ nom: string; statut: string; resultat: Record<string, unknown> | null }>(db.orm, `select nom, statut, resultat from tache_execution where declenchement = ? order by id`, [declenchement]);
async function attendre<T>(f: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'pgboss');
});
afterAll(async () => {
  for (const stop of arrets.reverse()) await stop();
  await db?.fermer();
});

describe('pg-boss on the application database', () => {
  it('JOBS=0 (API-only replica) queues "Lancer maintenant" but runs nothing; a worker replica then runs it once, recorded with its summary', async () => {
    const api = await contexte({ JOBS: '0' });
    const a = await createAgent(db.orm, 'admin');
    const token = await login(api.app, a.email, a.password);
    const r = await request(api.app).post('/api/jobs/fin-publication/run').set(bearer(token)).send({});
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ id: 'fin-publication', jobId: expect.any(String) });
    await new Promise((res) => setTimeout(res, 3000));
    expect(await executions('manuel')).toEqual([]);

    const autre = await db.autreOrm();
    await contexte({ JOBS: '1' }, autre);
    const [x] = await attendre(async () => {
      const e = await executions('manuel');
      return e.length > 0 && e[0].statut === 'termine' ? e : null;
    });
    expect(x).toMatchObject({ nom: 'fin-publication', statut: 'termine', resultat: { depubliees: 0, dureeMs: expect.any(Number) } });

    const g = await attendre(async () => {
      const res = await request(api.app).get('/api/jobs').set(bearer(token));
      const fp = res.body.find((j: { id: string }) => j.id === 'fin-publication');
      return fp.etats.completed >= 1 ? fp : null;
    });
    expect(g).toMatchObject({ cron: '*/5 * * * *', fuseau: 'Europe/Paris', planifiee: true, derniereExecution: { declenchement: 'manuel', statut: 'termine', agentId: a.id } });
    const schedules = await sql<{ name: string; timezone: string }>(db.orm, `select name, timezone from pgboss.schedule where name in (?) order by name`, [[...NOMS_TACHES]]);
    expect(schedules).toHaveLength(NOMS_TACHES.length);
    expect(schedules.every((s) => s.timezone === 'Europe/Paris')).toBe(true);
  });
});
