import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
let conseiller: { id: number; token: string; nom: string };
let admin: string;
beforeAll(async () => {
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'noms1');
  const a = await createAgent(t.orm, 'admin', [], 'noms2');
  const [{ nom }] = await t.orm.em.fork().getConnection().execute<{ nom: string }[]>(`select prenom || ' ' || nom as nom from agent where id = ?`, [c.id]);
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password), nom };
  admin = await login(t.app, a.email, a.password);
});

describe('ISSUE-15 names, not numbers', () => {
  it('ISSUE-15: any agent reads colleagues’ names (only the name), unknown ids left out; a bad list is a 400 problem', async () => {
    const r = await request(t.app).get('/api/agents/noms').query({ ids: `${conseiller.id},999999999` }).set(bearer(conseiller.token));
    expect(r.status).toBe(200);
    expect(r.body).toEqual([{ id: conseiller.id, nom: conseiller.nom }]);
    const bad = await request(t.app).get('/api/agents/noms').query({ ids: 'abc' }).set(bearer(conseiller.token));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((await request(t.app).get('/api/agents/noms').query({ ids: '1' })).status).toBe(401);
  });

  it('ISSUE-15: the audit journal names the acting agent; the outbox names the demandeur a message is for', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm) });
    expect((await request(t.app).post(`/api/candidatures/${d.candidatureId}/instruire`).set(bearer(conseiller.token)).send({})).status).toBe(200);
    const journal = await request(t.app).get('/api/audit-events')
      .query({ filter: JSON.stringify({ entite: 'candidature', entiteId: d.candidatureId, action: 'instruire' }) }).set(bearer(admin));
    expect(journal.status).toBe(200);
    expect(journal.body).toEqual([expect.objectContaining({ acteurId: conseiller.id, acteurNom: conseiller.nom })]);
    const outbox = await request(t.app).get('/api/notifications').query({ filter: JSON.stringify({ demandeurId: d.demandeurId }) }).set(bearer(admin));
    expect(outbox.status).toBe(200);
    const [{ nom }] = await t.orm.em.fork().getConnection().execute<{ nom: string }[]>(`select prenom || ' ' || nom as nom from demandeur where id = ?`, [d.demandeurId]);
    expect(outbox.body.length).toBeGreaterThan(0);
    expect(outbox.body.every((n: { demandeurNom: string }) => n.demandeurNom === nom)).toBe(true);
  });
});
