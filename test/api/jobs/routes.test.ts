import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let admin: string;
let conseiller: string;
let manager: string;

async function notificationEnEchec(statut = 'echec') {
  const [n] = await t.orm.em.fork().execute<{ id: number }[]>(
    `insert into notification (destinataire, template, sujet, corps, statut, tentatives, erreur, created_at)
     values ('renvoi@exemple.test', 'generique', 'Sujet', 'Corps', ?, 8, '550 Adresse inconnue', now()) returning id`,
    [statut],
  );
  return n.id;
}

beforeAll(async () => {
  const a = await createAgent(t.orm, 'admin');
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  const m = await createAgent(t.orm, 'manager');
  admin = await login(t.app, a.email, a.password);
  conseiller = await login(t.app, c.email, c.password);
  manager = await login(t.app, m.email, m.password);
});

describe('POST /api/notifications/:id/renvoyer', () => {
  it('admin: a failed notification goes back to the queue, due now, attempts reset, audited', async () => {
    const id = await notificationEnEchec();
    const r = await request(t.app).post(`/api/notifications/${id}/renvoyer`).set(bearer(admin)).send({});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, statut: 'a_envoyer', tentatives: 0, erreur: null });
    const [a] = await t.orm.em.fork().execute<{ de: string; vers: string }[]>(
      `select de, vers from audit_event where entite = 'notification' and entite_id = ? and action = 'renvoyer'`,
      [id],
    );
    expect(a).toEqual({ de: 'echec', vers: 'a_envoyer' });
  });

  it('admin: only a failed one — 409 RENVOI_IMPOSSIBLE otherwise, and nothing changes', async () => {
    const id = await notificationEnEchec('envoyee');
    const r = await request(t.app).post(`/api/notifications/${id}/renvoyer`).set(bearer(admin)).send({});
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('RENVOI_IMPOSSIBLE');
    expect(r.headers['content-type']).toContain('application/problem+json');
  });

  it('conseiller 403, anonymous 401, unknown id 404', async () => {
    const id = await notificationEnEchec();
    expect((await request(t.app).post(`/api/notifications/${id}/renvoyer`).set(bearer(conseiller)).send({})).status).toBe(403);
    expect((await request(t.app).post(`/api/notifications/${id}/renvoyer`).send({})).status).toBe(401);
    expect((await request(t.app).post(`/api/notifications/999999999/renvoyer`).set(bearer(admin)).send({})).status).toBe(404);
  });

  it('admin: the outbox list filters by recipient, template and status', async () => {
    const id = await notificationEnEchec();
    const filtre = JSON.stringify({ destinataire: 'renvoi@exemple.test', template: 'generique', statut: 'echec' });
    const r = await request(t.app).get(`/api/notifications?filter=${encodeURIComponent(filtre)}`).set(bearer(admin));
    expect(r.status).toBe(200);
    expect(r.body.map((n: { id: number }) => n.id)).toContain(id);
    expect(r.body.every((n: { statut: string; destinataire: string }) => n.statut === 'echec' && n.destinataire === 'renvoi@exemple.test')).toBe(true);
  });
});

describe('GET /api/jobs and POST /api/jobs/:name/run', () => {
  it('admin and manager read every queue with its Paris schedule; a conseiller may not', async () => {
    const r = await request(t.app).get('/api/jobs').set(bearer(admin));
    expect(r.status).toBe(200);
    expect(r.body.map((j: { id: string }) => j.id)).toEqual([
      'inactivite', 'justificatifs-expires', 'fin-publication', 'fin-suspensions', 'verrous-expires', 'propositions-expirees', 'envoi-notifications', 'purge-limites', 'relances-bailleurs',
      'audit-chainage', 'conservation', // issue #14
      'analyse-fraude', // issue #15: the fraud analysis on a schedule
    ]);
    expect(r.body[0]).toMatchObject({ cron: '0 6 * * *', fuseau: 'Europe/Paris', etats: { created: 0, active: 0, completed: 0, failed: 0 } });
    expect((await request(t.app).get('/api/jobs').set(bearer(manager))).status).toBe(200);
    expect((await request(t.app).get('/api/jobs').set(bearer(conseiller))).status).toBe(403);
  });

  it('run: admin only (manager 403), unknown job 404, no job runner in this process 503', async () => {
    expect((await request(t.app).post('/api/jobs/inactivite/run').set(bearer(manager)).send({})).status).toBe(403);
    expect((await request(t.app).post('/api/jobs/inconnue/run').set(bearer(admin)).send({})).status).toBe(404);
    const r = await request(t.app).post('/api/jobs/inactivite/run').set(bearer(admin)).send({});
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('TACHES_INDISPONIBLES');
  });
});
