import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre, statutDe } from '@test/support/fixtures';

const t = useTestApp();
let a: { id: number; token: string };
let b: { id: number; token: string };
let manager: string;
let agents: Awaited<ReturnType<typeof createAgent>>[] = [];
// Fresh sessions for every test: some tests move the clock past the 30 min idle timeout.
beforeEach(async () => {
  if (agents.length === 0) {
    agents = [await createAgent(t.orm, 'conseiller', ['69'], 'file1'), await createAgent(t.orm, 'conseiller', ['69'], 'file2'), await createAgent(t.orm, 'manager', [], 'file3')];
  }
  const [x, y, m] = agents;
  a = { id: x.id, token: await login(t.app, x.email, x.password) };
  b = { id: y.id, token: await login(t.app, y.email, y.password) };
  manager = await login(t.app, m.email, m.password);
});
const post = (path: string, token: string, body: object = {}) => request(t.app).post(`/api/candidatures/${path}`).set(bearer(token)).send(body);

describe('soft lock: "Je prends le dossier"', () => {
  it('others see who holds it; acting needs a takeover with a reason (audited); the lock lapses after 30 min idle', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId });
    const pris = await post(`${d.candidatureId}/prendre`, a.token);
    expect(pris.status).toBe(200);
    expect(pris.body.agentEnChargeId).toBe(a.id);
    const dossier = await request(t.app).get(`/api/candidatures/${d.candidatureId}/dossier`).set(bearer(b.token));
    expect(dossier.body.verrou).toMatchObject({ agentId: a.id, actif: true, estMoi: false });
    const refus = await post(`${d.candidatureId}/instruire`, b.token);
    expect(refus.status).toBe(409);
    expect(refus.body.code).toBe('DOSSIER_PRIS');
    const sansMotif = await post(`${d.candidatureId}/prendre`, b.token);
    expect(sansMotif.status).toBe(409);
    expect(sansMotif.body.detail).toMatch(/traité par .* depuis \d\d:\d\d/);
    const reprise = await post(`${d.candidatureId}/prendre`, b.token, { motif: 'Collègue absente' });
    expect(reprise.status).toBe(200);
    const [ev] = await t.orm.em.fork().getConnection().execute<{ motif: string }[]>(`select motif from audit_event where entite = 'candidature' and entite_id = ? and action = 'reprise_dossier'`, [d.candidatureId]);
    expect(ev.motif).toBe('Collègue absente');
    t.clock.advance(31 * 60_000);
    const again = await login(t.app, agents[0].email, agents[0].password);
    const r = await post(`${d.candidatureId}/instruire`, again);
    expect(r.status, JSON.stringify(r.body)).toBe(200); // b went idle: the lock lapsed
  });
});

describe('queue tabs and bulk actions', () => {
  it('counts the tabs in one query, scoped to the territory', async () => {
    const r = await request(t.app).get('/api/candidatures/compteurs').set(bearer(a.token));
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['a_traiter', 'en_instruction', 'mes_dossiers', 'sans_reponse_bailleur', 'toutes', 'traitees', 'transmises']);
    const liste = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ onglet: 'a_traiter' }) }).set(bearer(a.token));
    expect(Number(liste.headers['content-range'].split('/')[1])).toBe(r.body.a_traiter);
    expect(liste.body.every((c: { statut: string; agentEnChargeId: number | null; departement: string }) => c.statut === 'deposee' && c.agentEnChargeId === null && c.departement === '69')).toBe(true);
  });

  it('the badges count what each tab shows under the other filters (a search, an offer); a bad filter is a 400 (issue #15)', async () => {
    const [{ offre_id: offreId }] = await t.orm.em.fork().execute<{ offre_id: number }[]>(
      `select offre_id from candidature where departement = '69' group by offre_id order by count(*) desc limit 1`);
    for (const filtre of [{ offreId }, { statut: 'deposee', onglet: 'a_traiter' }]) {
      const r = await request(t.app).get('/api/candidatures/compteurs').query({ filter: JSON.stringify(filtre) }).set(bearer(a.token));
      expect(r.status).toBe(200);
      for (const onglet of ['toutes', 'a_traiter', 'en_instruction'] as const) {
        const { onglet: _o, ...autres } = filtre as Record<string, unknown>;
        const liste = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ ...autres, onglet }) }).set(bearer(a.token));
        expect(r.body[onglet], `${JSON.stringify(filtre)} ${onglet}`).toBe(Number(liste.headers['content-range'].split('/')[1]));
      }
    }
    const tout = await request(t.app).get('/api/candidatures/compteurs').set(bearer(a.token));
    const uneOffre = await request(t.app).get('/api/candidatures/compteurs').query({ filter: JSON.stringify({ offreId }) }).set(bearer(a.token));
    expect(uneOffre.body.toutes).toBeLessThan(tout.body.toutes);
    expect((await request(t.app).get('/api/candidatures/compteurs').query({ filter: JSON.stringify({ inconnu: 1 }) }).set(bearer(a.token))).status).toBe(400);
  });

  it('bulk instruire reports each refused row with its reason, and applies the others', async () => {
    const offreId = await creerOffre(t.orm);
    const ok1 = await creerDossier(t.orm, { offreId });
    const ok2 = await creerDossier(t.orm, { offreId });
    const deja = await creerDossier(t.orm, { offreId, statut: 'attribuee' });
    const autreTerritoire = await creerDossier(t.orm, { offreId: await creerOffre(t.orm, { departement: '75' }) });
    const r = await request(t.app).post('/api/candidatures/actions-groupees').set(bearer(a.token))
      .send({ action: 'instruire', ids: [ok1.candidatureId, deja.candidatureId, ok2.candidatureId, autreTerritoire.candidatureId] });
    expect(r.status).toBe(200);
    expect(r.body.reussies.sort()).toEqual([ok1.candidatureId, ok2.candidatureId].sort());
    expect(r.body.refusees).toEqual([
      { id: deja.candidatureId, code: 'TRANSITION_INTERDITE', raison: expect.any(String) },
      { id: autreTerritoire.candidatureId, code: 'INTROUVABLE', raison: expect.any(String) },
    ]);
    expect(await statutDe(t.orm, ok1.candidatureId)).toBe('en_instruction');
    expect(await statutDe(t.orm, autreTerritoire.candidatureId)).toBe('deposee');
  });

  it('bulk is capped at 500 rows and needs the role', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => i + 1);
    expect((await request(t.app).post('/api/candidatures/actions-groupees').set(bearer(a.token)).send({ action: 'instruire', ids })).status).toBe(400);
    expect((await request(t.app).post('/api/candidatures/actions-groupees').set(bearer(manager)).send({ action: 'instruire', ids: [1] })).status).toBe(403);
    const sansMotif = await request(t.app).post('/api/candidatures/actions-groupees').set(bearer(a.token)).send({ action: 'ne-pas-retenir', ids: [1] });
    expect(sansMotif.status).toBe(400);
  });
});

describe('justificatifs beside the document', () => {
  it('the file is served inline and every read is audited; valider/refuser need the territory', async () => {
    const [p] = await t.orm.em.fork().getConnection().execute<{ id: number; demande_id: number }[]>(
      `select j.id, j.demande_id from justificatif j where j.actif and j.statut = 'depose'
         and exists (select 1 from candidature c where c.demande_id = j.demande_id and c.departement = '69') order by j.id limit 1`);
    const f = await request(t.app).get(`/api/justificatifs/${p.id}/fichier`).set(bearer(a.token)).buffer(true);
    expect(f.status).toBe(200);
    expect(f.headers['content-type']).toMatch(/application\/pdf|image\/png|image\/jpeg/);
    expect(f.headers['content-disposition']).toMatch(/^inline;/);
    const audits = await t.orm.em.fork().getConnection().execute(`select id from audit_event where entite = 'justificatif' and entite_id = ? and action = 'consultation_fichier' and acteur_id = ?`, [p.id, a.id]);
    expect(audits).toHaveLength(1);
    const refus = await request(t.app).post(`/api/justificatifs/${p.id}/refuser`).set(bearer(a.token)).send({ motifCode: 'illisible', motif: 'Scan flou' });
    expect(refus.status).toBe(200);
    expect(refus.body).toMatchObject({ statut: 'refuse', motifRefus: 'Document illisible — Scan flou' });
    const bad = await request(t.app).post(`/api/justificatifs/${p.id}/refuser`).set(bearer(a.token)).send({ motifCode: 'nope' });
    expect(bad.status).toBe(400);
    expect((await request(t.app).post(`/api/justificatifs/${p.id}/valider`).set(bearer(manager)).send({})).status).toBe(403);
    const ok = await request(t.app).post(`/api/justificatifs/${p.id}/valider`).set(bearer(a.token)).send({});
    expect(ok.body.statut).toBe('valide');
  });

  it('PERF-VALIDER: from a dossier (?candidatureId=), the verification answers the piece with the candidature, its dossier and history, as their GETs would', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction', pieces: { identite: 'depose', ressources: 'valide', avis_imposition: 'valide', justificatif_domicile: 'valide' } });
    const [p] = await t.orm.em.fork().getConnection().execute<{ id: number }[]>(`select id from justificatif where demande_id = ? and type = 'identite'`, [d.demandeId]);
    const [ailleurs] = await t.orm.em.fork().getConnection().execute<{ id: number }[]>(`select id from candidature where departement <> '69' order by id limit 1`);
    const hors = await request(t.app).post(`/api/justificatifs/${p.id}/valider`).query({ candidatureId: ailleurs.id }).set(bearer(a.token)).send({});
    expect(hors.status).toBe(404);
    expect((await request(t.app).get(`/api/justificatifs/${p.id}`).set(bearer(a.token))).body.statut).toBe('depose');

    const r = await request(t.app).post(`/api/justificatifs/${p.id}/valider`).query({ candidatureId: d.candidatureId }).set(bearer(a.token)).send({});
    expect(r.status).toBe(200);
    const { candidature, dossier, timeline, ...piece } = r.body;
    expect(piece).toEqual((await request(t.app).get(`/api/justificatifs/${p.id}`).set(bearer(a.token))).body);
    expect(candidature).toEqual((await request(t.app).get(`/api/candidatures/${d.candidatureId}`).set(bearer(a.token))).body);
    expect(dossier).toEqual((await request(t.app).get(`/api/candidatures/${d.candidatureId}/dossier`).set(bearer(a.token))).body);
    expect(timeline).toEqual((await request(t.app).get(`/api/candidatures/${d.candidatureId}/timeline`).set(bearer(a.token))).body);
    expect(dossier.checklist.find((l: { type: string }) => l.type === 'identite')).toMatchObject({ statut: 'valide' });
  });

  it('timeline lists audit events and notifications newest first; private notes are added', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId });
    await post(`${d.candidatureId}/instruire`, a.token);
    const note = await request(t.app).post(`/api/candidatures/${d.candidatureId}/notes`).set(bearer(a.token)).send({ texte: 'Appeler l’employeur' });
    expect(note.status).toBe(201);
    const tl = await request(t.app).get(`/api/candidatures/${d.candidatureId}/timeline`).set(bearer(a.token));
    // instruire, the prise en charge it implies (issue #15: acting takes the dossier), the note, the mail.
    expect(tl.body.map((e: { genre: string }) => e.genre).sort()).toEqual(['audit', 'audit', 'audit', 'note', 'notification']);
    const dates = tl.body.map((e: { at: string }) => Date.parse(e.at));
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    expect((await request(t.app).post(`/api/candidatures/${d.candidatureId}/notes`).set(bearer(a.token)).send({ texte: '' })).status).toBe(400);
  });
});
