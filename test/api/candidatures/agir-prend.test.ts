import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
let a: { id: number; token: string };
let b: { id: number; token: string };
let agents: Awaited<ReturnType<typeof createAgent>>[] = [];
beforeEach(async () => {
  if (agents.length === 0) agents = [await createAgent(t.orm, 'conseiller', ['69'], 'agir1'), await createAgent(t.orm, 'conseiller', ['69'], 'agir2')];
  const [x, y] = agents;
  a = { id: x.id, token: await login(t.app, x.email, x.password) };
  b = { id: y.id, token: await login(t.app, y.email, y.password) };
});
const db = () => t.orm.em.fork().getConnection();
const enCharge = async (id: number) =>
  (await db().execute<{ agent_en_charge_id: number | null }[]>(`select agent_en_charge_id from candidature where id = ?`, [id]))[0].agent_en_charge_id;
const prises = async (id: number) =>
  db().execute<{ acteur_id: number; details: { par: string } }[]>(`select acteur_id, details from audit_event where entite = 'candidature' and entite_id = ? and action = 'prise_dossier' order by id`, [id]);
const mesDossiers = async (token: string) =>
  (await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ onglet: 'mes_dossiers' }), range: '[0,999]' }).set(bearer(token))).body.map((c: { id: number }) => c.id);

describe('ISSUE-15 acting takes the dossier', () => {
  it('ISSUE-15: instruire a dossier nobody holds makes the agent its holder (audited), and it shows in « Mes dossiers »', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm) });
    const r = await request(t.app).post(`/api/candidatures/${d.candidatureId}/instruire`).set(bearer(a.token)).send({});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.agentEnChargeId).toBe(a.id);
    expect(await prises(d.candidatureId)).toEqual([expect.objectContaining({ acteur_id: a.id, details: { par: 'instruire' } })]);
    expect(await mesDossiers(a.token)).toContain(d.candidatureId);
    // The holder acting again takes nothing more.
    const designe = await request(t.app).post(`/api/candidatures/${d.candidatureId}/designer`).set(bearer(a.token)).send({ motif: 'rang' });
    expect(designe.status, JSON.stringify(designe.body)).toBe(200);
    expect(await prises(d.candidatureId)).toHaveLength(1);
  });

  it('ISSUE-15: désigner a dossier en instruction that nobody holds makes the agent its holder (audited): it shows in « Mes dossiers »', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm), statut: 'en_instruction' });
    expect(await enCharge(d.candidatureId)).toBeNull();
    const r = await request(t.app).post(`/api/candidatures/${d.candidatureId}/designer`).set(bearer(a.token)).send({});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ statut: 'transmise_bailleur', agentEnChargeId: a.id });
    expect(await enCharge(d.candidatureId)).toBe(a.id);
    expect(await prises(d.candidatureId)).toEqual([expect.objectContaining({ acteur_id: a.id, details: { par: 'designer' } })]);
    expect(await mesDossiers(a.token)).toContain(d.candidatureId);
  });

  it('ISSUE-15: a dossier held by another agent keeps today’s rule (DOSSIER_PRIS) and its holder', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm) });
    expect((await request(t.app).post(`/api/candidatures/${d.candidatureId}/prendre`).set(bearer(b.token)).send({})).status).toBe(200);
    const r = await request(t.app).post(`/api/candidatures/${d.candidatureId}/instruire`).set(bearer(a.token)).send({});
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('DOSSIER_PRIS');
    expect(await enCharge(d.candidatureId)).toBe(b.id);
  });

  it('ISSUE-15: closing a dossier nobody holds (ne pas retenir) assigns nobody', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm), statut: 'en_instruction' });
    const r = await request(t.app).post(`/api/candidatures/${d.candidatureId}/ne-pas-retenir`).set(bearer(a.token)).send({ motif: 'Dossier incomplet' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await enCharge(d.candidatureId)).toBeNull();
    expect(await prises(d.candidatureId)).toHaveLength(0);
  });

  it('ISSUE-15: validating or refusing a piece from a dossier nobody holds takes it; from a dossier another agent holds, it does not', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm), pieces: { identite: 'depose', ressources: 'depose', avis_imposition: 'valide', justificatif_domicile: 'valide' } });
    const pieces = await db().execute<{ id: number; type: string }[]>(`select id, type from justificatif where demande_id = ? and statut = 'depose' order by type`, [d.demandeId]);
    const v = await request(t.app).post(`/api/justificatifs/${pieces[0].id}/valider`).set(bearer(a.token)).send({ candidatureId: d.candidatureId });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(await enCharge(d.candidatureId)).toBe(a.id);
    expect(await prises(d.candidatureId)).toEqual([expect.objectContaining({ acteur_id: a.id, details: { par: 'valider_piece' } })]);
    expect(await mesDossiers(a.token)).toContain(d.candidatureId);
    // b refuses the other piece of the dossier a holds: the piece is refused, a stays in charge.
    const r = await request(t.app).post(`/api/justificatifs/${pieces[1].id}/refuser`).set(bearer(b.token)).send({ motifCode: 'illisible', candidatureId: d.candidatureId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await enCharge(d.candidatureId)).toBe(a.id);
    expect(await prises(d.candidatureId)).toHaveLength(1);
  });

  it('ISSUE-15: a candidature of another demande, or outside the scope, is not taken through a piece', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm), pieces: { identite: 'depose' } });
    const autre = await creerDossier(t.orm, { offreId: await creerOffre(t.orm) });
    const horsScope = await creerDossier(t.orm, { offreId: await creerOffre(t.orm, { departement: '75' }) });
    const [p] = await db().execute<{ id: number }[]>(`select id from justificatif where demande_id = ? and statut = 'depose'`, [d.demandeId]);
    expect((await request(t.app).post(`/api/justificatifs/${p.id}/valider`).set(bearer(a.token)).send({ candidatureId: horsScope.candidatureId })).status).toBe(404);
    const v = await request(t.app).post(`/api/justificatifs/${p.id}/valider`).set(bearer(a.token)).send({ candidatureId: autre.candidatureId });
    expect(v.status).toBe(200);
    expect(await enCharge(autre.candidatureId)).toBeNull();
  });
});
