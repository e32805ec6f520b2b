import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { q } from '@test/api/portail/fixtures';

const t = useTestApp();
let admin: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'admin');
  admin = await login(t.app, a.email, a.password);
});
const moi = (token: string) => request(t.app).get('/api/auth/me').set(bearer(token));
const modifier = (id: number, body: object) => request(t.app).put(`/api/agents/${id}`).set(bearer(admin)).send(body);

describe('SEC-SESSION: an agent’s sessions end with a password change, a deactivation, or an admin’s revocation', () => {
  it('a new password revokes every session of the agent; editing the name does not', async () => {
    const a = await createAgent(t.orm, 'conseiller', ['69']);
    const [s1, s2] = [await login(t.app, a.email, a.password), await login(t.app, a.email, a.password)];
    expect((await modifier(a.id, { nom: 'Renommé' })).status).toBe(200);
    expect((await moi(s1)).status).toBe(200);
    expect((await modifier(a.id, { motDePasse: 'une toute nouvelle phrase secrète' })).status).toBe(200);
    expect((await moi(s1)).status).toBe(401);
    expect((await moi(s2)).status).toBe(401);
    const [ev] = await q<{ details: { nombre: number; raison: string } }>(t.orm, `select details from audit_event where action = 'sessions_revoquees' and entite_id = ? order by id desc limit 1`, [a.id]);
    expect(ev.details).toEqual({ nombre: 2, raison: 'mot_de_passe' });
    expect((await login(t.app, a.email, 'une toute nouvelle phrase secrète')).length).toBeGreaterThan(20);
  });

  it('a deactivated then re-activated agent does not get its old token back', async () => {
    const a = await createAgent(t.orm, 'conseiller', ['69']);
    const ancien = await login(t.app, a.email, a.password);
    expect((await modifier(a.id, { actif: false })).status).toBe(200);
    expect((await modifier(a.id, { actif: true })).status).toBe(200);
    expect((await moi(ancien)).status).toBe(401);
    expect((await moi(await login(t.app, a.email, a.password))).status).toBe(200);
  });

  it('« Révoquer les sessions »: admin only, every live session ends, audited', async () => {
    const a = await createAgent(t.orm, 'manager');
    const token = await login(t.app, a.email, a.password);
    const autre = await createAgent(t.orm, 'conseiller', ['69']);
    expect((await request(t.app).post(`/api/agents/${a.id}/revoquer-sessions`).set(bearer(await login(t.app, autre.email, autre.password)))).status).toBe(403);
    const r = await request(t.app).post(`/api/agents/${a.id}/revoquer-sessions`).set(bearer(admin));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ revoquees: 1 });
    expect((await moi(token)).status).toBe(401);
    expect((await request(t.app).post('/api/agents/999999/revoquer-sessions').set(bearer(admin))).status).toBe(404);
  });
});

describe('SEC-MDP: the agents’ form follows the portal’s password policy', () => {
  it('password1234, a repeated character or the own e-mail are refused at creation and on update (400 on motDePasse)', async () => {
    const base = { nom: 'Politique', prenom: 'Mdp', role: 'conseiller', territoires: ['69'] };
    for (const [email, motDePasse] of [['pol1@als.test', 'password1234'], ['pol2@als.test', 'aaaaaaaaaaaaaaa'], ['pol.email.long@als.test', 'pol.email.long@als.test'], ['pol3@als.test', 'court']]) {
      const r = await request(t.app).post('/api/agents').set(bearer(admin)).send({ ...base, email, motDePasse });
      expect(r.status, motDePasse).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain('motDePasse');
    }
    const a = await createAgent(t.orm, 'conseiller', ['69']);
    expect((await modifier(a.id, { motDePasse: 'Password1234' })).status).toBe(400);
    expect((await request(t.app).post('/api/agents').set(bearer(admin)).send({ ...base, email: 'pol4@als.test', motDePasse: 'une phrase de passe correcte' })).status).toBe(201);
  });
});

describe('SEC-ASSIGNATION: bulk assignment only to agents whose territories include the candidature’s', () => {
  it('a conseiller of 69 cannot hand a 69 dossier to an agent of 92 only; the picker offers agents of 69 and fraud control only', async () => {
    const c69 = await createAgent(t.orm, 'conseiller', ['69']);
    const collegue69 = await createAgent(t.orm, 'conseiller', ['69', '33']);
    const agent92 = await createAgent(t.orm, 'conseiller', ['92']);
    const fraude = await createAgent(t.orm, 'controle_fraude');
    const token = await login(t.app, c69.email, c69.password);
    const [c] = await q<{ id: number }>(t.orm, `select id from candidature where departement = '69' and statut in ('deposee', 'en_instruction') and agent_en_charge_id is null order by id desc limit 1`);
    const assigner = (agentId: number) => request(t.app).post('/api/candidatures/actions-groupees').set(bearer(token)).send({ action: 'assigner', ids: [c.id], agentId });
    const refus = await assigner(agent92.id);
    expect(refus.status).toBe(200);
    expect(refus.body.refusees).toEqual([{ id: c.id, code: 'AGENT_HORS_TERRITOIRE', raison: expect.stringContaining('69') }]);
    expect((await q<{ agent_en_charge_id: number | null }>(t.orm, `select agent_en_charge_id from candidature where id = ?`, [c.id]))[0].agent_en_charge_id).toBeNull();
    const picker = await request(t.app).get(`/api/candidatures/agents-assignables?ids=${c.id}`).set(bearer(token));
    expect(picker.status).toBe(200);
    const ids = picker.body.map((a: { id: number }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([c69.id, collegue69.id, fraude.id]));
    expect(ids).not.toContain(agent92.id);
    expect((await assigner(collegue69.id)).body.reussies).toEqual([c.id]);
    expect((await request(t.app).get('/api/candidatures/agents-assignables?ids=abc').set(bearer(token))).status).toBe(400);
  });
});
