import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCandidatureTest, creerCommunes, creerDemandeurTest, creerOffreTest, jours } from '@test/api/offres/fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
const now = () => t.clock.now();
const sql = <T>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);
const proposer = (who: string, body: object) => request(t.app).post('/api/propositions').set(bearer(tokens[who])).send(body);

beforeAll(async () => {
  await creerCommunes(t.orm);
  for (const [role, terr] of [['conseiller', ['01']], ['conseiller69', ['69']], ['controle_fraude', []], ['manager', []], ['admin', []]] as const) {
    const a = await createAgent(t.orm, role === 'conseiller69' ? 'conseiller' : role, [...terr]);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});
afterEach(() => {
  delete process.env.PROPOSITION_DELAI_JOURS;
});

describe('POST /api/propositions (§11.17, R-ELIG, R-LIMIT)', () => {
  it('§11.17: a conseiller pushes an unpublished offer; each demandeur is checked again, the refused ones listed with their code', async () => {
    const offre = await creerOffreTest(t.orm, now(), { publiee: false, debut: null, fin: null });
    const a = await creerDemandeurTest(t.orm, now());
    const b = await creerDemandeurTest(t.orm, now());
    const riche = await creerDemandeurTest(t.orm, now(), { revenu: 95000 });
    const suspendu = await creerDemandeurTest(t.orm, now(), { suspenduJusquAu: jours(now(), 60) });
    const cinq = await creerDemandeurTest(t.orm, now());
    for (let i = 0; i < 5; i++) await creerCandidatureTest(t.orm, now(), cinq, (await creerOffreTest(t.orm, now())).id);
    const r = await proposer('conseiller', {
      offreId: offre.id, demandeurIds: [a.demandeurId, b.demandeurId, riche.demandeurId, suspendu.demandeurId, cinq.demandeurId, 987654321],
      message: 'Ce logement correspond à votre recherche.',
    });
    expect(r.status).toBe(201);
    expect(r.body.envoyees.map((e: { demandeurId: number }) => e.demandeurId)).toEqual([a.demandeurId, b.demandeurId]);
    const codes = Object.fromEntries(r.body.refusees.map((x: { demandeurId: number; code: string }) => [x.demandeurId, x.code]));
    expect(codes).toEqual({
      [riche.demandeurId]: 'NON_ELIGIBLE', [suspendu.demandeurId]: 'SUSPENDU', [cinq.demandeurId]: 'LIMITE_CLASSIQUE', 987654321: 'DEMANDEUR_INCONNU',
    });
    for (const x of r.body.refusees) expect(x.raison).toEqual(expect.any(String));

    const rows = await sql<{ id: number; statut: string; expire_le: Date; envoyee_le: Date; message: string; departement: string }>(
      `select id, statut, expire_le, envoyee_le, message, departement from proposition where offre_id = ? order by id`, [offre.id],
    );
    expect(rows).toHaveLength(2);
    for (const p of rows) {
      expect(p).toMatchObject({ statut: 'envoyee', message: 'Ce logement correspond à votre recherche.', departement: '01' });
      expect(new Date(p.expire_le).getTime()).toBe(jours(now(), 10).getTime()); // PROPOSITION_DELAI_JOURS default 10
    }
    const notifs = await sql<{ template: string; destinataire: string; corps: string }>(
      `select template, destinataire, corps from notification where entite = 'proposition' and entite_id in (${rows.map((p) => p.id).join(',')})`,
    );
    expect(notifs.map((n) => n.template)).toEqual(['proposition_recue', 'proposition_recue']);
    expect(notifs[0].corps).toMatch(/Ce logement correspond à votre recherche/);
    const audits = await sql(`select 1 from audit_event where entite = 'proposition' and action = 'proposer' and entite_id in (${rows.map((p) => p.id).join(',')})`);
    expect(audits).toHaveLength(2);

    // Sent again: already pending.
    const encore = await proposer('conseiller', { offreId: offre.id, demandeurIds: [a.demandeurId] });
    expect(encore.status).toBe(200);
    expect(encore.body).toEqual({ envoyees: [], refusees: [{ demandeurId: a.demandeurId, code: 'DEJA_PROPOSEE', raison: expect.any(String) }] });
  });

  it('§11.17: the answer delay comes from PROPOSITION_DELAI_JOURS', async () => {
    process.env.PROPOSITION_DELAI_JOURS = '3';
    const offre = await creerOffreTest(t.orm, now());
    const a = await creerDemandeurTest(t.orm, now());
    const r = await proposer('controle_fraude', { offreId: offre.id, demandeurIds: [a.demandeurId] });
    expect(r.status).toBe(201);
    expect(new Date(r.body.envoyees[0].expireLe).getTime()).toBe(jours(now(), 3).getTime());
  });

  it('§11.17: conseiller of the territory or controle_fraude only; 404 outside the territory; 403 for managers and admins', async () => {
    const offre = await creerOffreTest(t.orm, now());
    const a = await creerDemandeurTest(t.orm, now());
    const body = { offreId: offre.id, demandeurIds: [a.demandeurId] };
    expect((await proposer('conseiller69', body)).status).toBe(404);
    expect((await proposer('manager', body)).status).toBe(403);
    expect((await proposer('admin', body)).status).toBe(403);
    expect((await proposer('conseiller', { offreId: offre.id, demandeurIds: [] })).status).toBe(400);
    expect((await proposer('conseiller', body)).status).toBe(201);
  });

  it('R-PUB: an offer taken back by the bailleur can no longer be proposed (409 OFFRE_RETIREE), nothing is written', async () => {
    const offre = await creerOffreTest(t.orm, now());
    await sql(`update offre set reprise_le = ?, publiee = false, depubliee_le = ? where id = ?`, [now(), now(), offre.id]);
    const a = await creerDemandeurTest(t.orm, now());
    const r = await proposer('conseiller', { offreId: offre.id, demandeurIds: [a.demandeurId] });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('OFFRE_RETIREE');
    expect(await sql(`select 1 from proposition where offre_id = ?`, [offre.id])).toHaveLength(0);
  });
});

describe('GET /api/candidatures/:id/offres-similaires (§11.25)', () => {
  it('§11.25: after a non-retained candidature, eligible offers of the territory (published or not), never the first one nor a withdrawn one', async () => {
    const premiere = await creerOffreTest(t.orm, now(), { typologie: 'T2' });
    const d = await creerDemandeurTest(t.orm, now());
    const candidatureId = await creerCandidatureTest(t.orm, now(), d, premiere.id, 'non_retenue');
    const nonPubliee = await creerOffreTest(t.orm, now(), { typologie: 'T2', publiee: false, debut: null, fin: null, commune: 'peronnas' });
    const tropChere = await creerOffreTest(t.orm, now(), { typologie: 'T3', plafonds: { 1: 10000 } });
    const reprise = await creerOffreTest(t.orm, now(), { typologie: 'T2' });
    await sql(`update offre set reprise_le = ? where id = ?`, [now(), reprise.id]);
    const inadaptee = await creerOffreTest(t.orm, now(), { typologie: 'T6' });

    const r = await request(t.app).get(`/api/candidatures/${candidatureId}/offres-similaires`).set(bearer(tokens.conseiller));
    expect(r.status).toBe(200);
    const ids = r.body.offres.map((o: { id: number }) => o.id);
    expect(ids).toContain(nonPubliee.id);
    expect(ids).not.toContain(premiere.id);
    expect(ids).not.toContain(reprise.id);
    expect(ids).not.toContain(inadaptee.id); // T6 is not suited to 2 persons: filtered in SQL
    const np = r.body.offres.find((o: { id: number }) => o.id === nonPubliee.id);
    expect(np).toMatchObject({ enLigne: false, typologie: 'T2' });
    expect(np.raisons.join(' ')).toMatch(/adapté à un foyer de 2 personnes/);
    expect(r.body.ecartees.find((o: { id: number }) => o.id === tropChere.id)?.code).toBe('NON_ELIGIBLE');

    expect((await request(t.app).get(`/api/candidatures/${candidatureId}/offres-similaires`).set(bearer(tokens.manager))).status).toBe(403);
    expect((await request(t.app).get(`/api/candidatures/${candidatureId}/offres-similaires`).set(bearer(tokens.conseiller69))).status).toBe(404);
  });
});
