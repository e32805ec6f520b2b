import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
let conseiller: { id: number; token: string; nom: string };
let admin: string;
let fraude: string;
let manager: string;
let cherche: { id: number; nom: string };
beforeAll(async () => {
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'noms1');
  const a = await createAgent(t.orm, 'admin', [], 'noms2');
  const [{ nom }] = await t.orm.em.fork().getConnection().execute<{ nom: string }[]>(`select prenom || ' ' || nom as nom from agent where id = ?`, [c.id]);
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password), nom };
  admin = await login(t.app, a.email, a.password);
  const f = await createAgent(t.orm, 'controle_fraude', [], 'noms3');
  fraude = await login(t.app, f.email, f.password);
  const m = await createAgent(t.orm, 'manager', [], 'noms4');
  manager = await login(t.app, m.email, m.password);
  // An agent with accents in his name, unique to this run: « Élodie NOËL<pid> ».
  const x = await createAgent(t.orm, 'conseiller', ['33'], 'noms5');
  await t.orm.em.fork().getConnection().execute(`update agent set prenom = 'Élodie', nom = ? where id = ?`, [`Noël${process.pid}`, x.id]);
  cherche = { id: x.id, nom: `Élodie Noël${process.pid}` };
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

  it('ISSUE-15: an agent is picked by name in the journal and the traces: ?q= finds him by any part of his name, case and accents ignored, for those who read them (403 for a conseiller)', async () => {
    for (const [token, q] of [[fraude, `noel${process.pid}`], [manager, `ELODIE NOËL${process.pid}`], [admin, `noël${process.pid} élo`]] as const) {
      const r = await request(t.app).get('/api/agents/noms').query({ q }).set(bearer(token));
      expect(r.status).toBe(200);
      expect(r.body).toContainEqual(cherche);
      expect(Object.keys(r.body[0]).sort()).toEqual(['id', 'nom']);
    }
    const joker = await request(t.app).get('/api/agents/noms').query({ q: '%' }).set(bearer(fraude));
    expect(joker.status).toBe(200);
    expect(joker.body).toEqual([]); // « % » is a letter to find, not a wildcard
    const interdit = await request(t.app).get('/api/agents/noms').query({ q: 'noel' }).set(bearer(conseiller.token));
    expect(interdit.status).toBe(403);
    expect(interdit.headers['content-type']).toMatch(/problem\+json/);
    for (const query of [{}, { q: '' }, { q: 'a', ids: '1' }]) {
      const bad = await request(t.app).get('/api/agents/noms').query(query).set(bearer(fraude));
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBeTruthy();
    }
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
