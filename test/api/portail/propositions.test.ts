import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demande, demandeurActif, offre, q, type OptionsOffre } from './fixtures';

const t = useTestApp();
const JOUR = 86_400_000;
let agentId: number;
beforeAll(async () => {
  agentId = (await createAgent(t.orm, 'conseiller', ['69'])).id;
});

async function candidat(o: { nombrePersonnes?: number; revenu?: number } = {}) {
  const a = await demandeurActif(t.orm);
  await demande(t.orm, a.id, o);
  return { ...a, token: await connexion(t.app, a.email) };
}
async function proposition(demandeurId: number, o: OptionsOffre = {}, expire = 8 * JOUR) {
  const offreId = await offre(t.orm, t.clock.now(), o);
  const [p] = await q<{ id: number }>(
    t.orm,
    `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, message, envoyee_le, expire_le) values (?, ?, ?, '69', 'envoyee', 'Une offre pour vous', ?, ?) returning id`,
    [offreId, demandeurId, agentId, t.clock.now(), new Date(t.clock.now().getTime() + expire)],
  );
  return { id: p.id, offreId };
}
const accepter = (token: string, id: number) => request(t.app).post(`/api/portail/propositions/${id}/accepter`).set(bearer(token)).send({});
const statut = async (id: number) => (await q<{ statut: string }>(t.orm, `select statut from proposition where id = ?`, [id]))[0].statut;

describe('/api/portail/propositions', () => {
  it('lists the demandeur’s own propositions only, with the offer summary', async () => {
    const c = await candidat();
    const autre = await candidat();
    const p = await proposition(c.id);
    await proposition(autre.id);
    const r = await request(t.app).get('/api/portail/propositions').set(bearer(c.token));
    expect(r.status).toBe(200);
    expect(r.body.map((x: { id: number }) => x.id)).toEqual([p.id]);
    expect(r.body[0]).toMatchObject({ statut: 'envoyee', offreId: p.offreId, message: 'Une offre pour vous' });
  });

  it('§11.17: accepting creates a candidature with origine proposition, even on an unpublished offer', async () => {
    const c = await candidat();
    const p = await proposition(c.id, { publiee: false, debut: null, fin: null });
    const r = await accepter(c.token, p.id);
    expect(r.status).toBe(201);
    expect(r.body.candidature).toMatchObject({ origine: 'proposition', statut: 'deposee', offreId: p.offreId });
    const [row] = await q<{ origine: string }>(t.orm, `select origine from candidature where id = ?`, [r.body.candidature.id]);
    expect(row.origine).toBe('proposition');
    expect(await statut(p.id)).toBe('acceptee');
    const [pr] = await q<{ candidature_id: number }>(t.orm, `select candidature_id from proposition where id = ?`, [p.id]);
    expect(pr.candidature_id).toBe(r.body.candidature.id);
    const again = await accepter(c.token, p.id);
    expect([again.status, again.body.code]).toEqual([409, 'PROPOSITION_CLOSE']);
  });

  it('R-ELIG, R-LIMIT: a proposition never skips eligibility nor the limits (409, proposition left open)', async () => {
    const c = await candidat({ nombrePersonnes: 2, revenu: 50_000 });
    const trop = await proposition(c.id, { plafonds: { 2: 30_000 }, publiee: false });
    const r = await accepter(c.token, trop.id);
    expect([r.status, r.body.code]).toEqual([409, 'NON_ELIGIBLE']);
    expect(await statut(trop.id)).toBe('envoyee');
    for (let i = 0; i < 5; i++) expect((await accepter(c.token, (await proposition(c.id)).id)).status).toBe(201);
    const sixieme = await proposition(c.id);
    const r6 = await accepter(c.token, sixieme.id);
    expect([r6.status, r6.body.code]).toEqual([409, 'LIMITE_CLASSIQUE']);
    expect(await statut(sixieme.id)).toBe('envoyee');
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from candidature where demandeur_id = ?`, [c.id]);
    expect(n).toBe(5);
  });

  it('refusing closes it with an optional motif kept in the audit trail; an expired one cannot be answered', async () => {
    const c = await candidat();
    const p = await proposition(c.id);
    const r = await request(t.app).post(`/api/portail/propositions/${p.id}/refuser`).set(bearer(c.token)).send({ motif: 'Trop loin de mon travail' });
    expect(r.status).toBe(200);
    expect(await statut(p.id)).toBe('refusee');
    const [ev] = await q<{ motif: string }>(t.orm, `select motif from audit_event where entite = 'proposition' and entite_id = ? and action = 'refuser'`, [p.id]);
    expect(ev.motif).toBe('Trop loin de mon travail');
    const vieille = await proposition(c.id, {}, 1000);
    t.clock.advance(1000);
    const e = await accepter(c.token, vieille.id);
    t.clock.advance(-1000);
    expect([e.status, e.body.code]).toEqual([409, 'PROPOSITION_EXPIREE']);
  });

  it('someone else’s proposition is 404', async () => {
    const c = await candidat();
    const autre = await candidat();
    const p = await proposition(autre.id);
    expect((await accepter(c.token, p.id)).status).toBe(404);
    expect((await request(t.app).post(`/api/portail/propositions/${p.id}/refuser`).set(bearer(c.token)).send({})).status).toBe(404);
    expect(await statut(p.id)).toBe('envoyee');
  });
});
