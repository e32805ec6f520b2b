import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';
import { hashPassword } from '@server/modules/auth/passwords';
import { CGU, MOT_DE_PASSE, connexion } from '@test/api/portail/fixtures';

const t = useTestApp();
const q = <T>(sql: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(sql, params);
let a: { id: number; token: string };
let b: { id: number; token: string };
let horsTerritoire: string;

beforeAll(async () => {
  // After the fixtures' pieces (deposited at the database's now()); each step moves one minute on.
  t.clock.set(new Date(Date.now() + 60_000));
  const [x, y, z] = [await createAgent(t.orm, 'conseiller', ['69'], 'suivi1'), await createAgent(t.orm, 'conseiller', ['69'], 'suivi2'), await createAgent(t.orm, 'conseiller', ['75'], 'suivi75')];
  a = { id: x.id, token: await login(t.app, x.email, x.password) };
  b = { id: y.id, token: await login(t.app, y.email, y.password) };
  horsTerritoire = await login(t.app, z.email, z.password);
});

const minute = () => t.clock.advance(60_000);
const suivre = (id: number, token = a.token) => request(t.app).put(`/api/candidatures/${id}/suivi`).set(bearer(token));
const nePlusSuivre = (id: number, token = a.token) => request(t.app).delete(`/api/candidatures/${id}/suivi`).set(bearer(token));
const ouvrir = (id: number, token = a.token) => request(t.app).get(`/api/candidatures/${id}/dossier`).set(bearer(token));
const liste = (filter: object, token = a.token) =>
  request(t.app).get('/api/candidatures').query({ filter: JSON.stringify(filter), range: '[0,99]' }).set(bearer(token));
/** The followed rows of a, as [id, modifieDepuisVisite]. */
const suivies = async () => {
  const r = await liste({ suivies: true });
  expect(r.status).toBe(200);
  return (r.body as { id: number; suivi: boolean; modifieDepuisVisite: boolean }[]).map((l) => [l.id, l.modifieDepuisVisite]);
};

describe('UI-SUIVI: follow a dossier, « modifié depuis votre dernière visite »', () => {
  it('UI-SUIVI: follow (idempotent) → listed by suivies=true, unchanged; a change by another agent → true; opening the dossier says so once, then false', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId });
    const autre = await creerDossier(t.orm, { offreId });
    const id = d.candidatureId;

    minute();
    const r = await suivre(id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, suivi: true, modifieDepuisVisite: false });
    minute();
    expect((await suivre(id)).status).toBe(200); // idempotent: one row, the visit date kept
    expect(await q(`select agent_id from suivi_dossier where candidature_id = ?`, [id])).toHaveLength(1);
    expect(await suivies()).toEqual([[id, false]]);
    // Not followed: not in a's followed list, and for b no flag at all.
    const deB = (await liste({ id: [id, autre.candidatureId] }, b.token)).body as { id: number; suivi: boolean; modifieDepuisVisite: boolean | null }[];
    expect(deB.map((l) => [l.suivi, l.modifieDepuisVisite])).toEqual([[false, null], [false, null]]);

    // What a does himself is no news to him.
    minute();
    expect((await request(t.app).post(`/api/candidatures/${id}/notes`).set(bearer(a.token)).send({ texte: 'Appeler l’employeur' })).status).toBe(201);
    expect(await suivies()).toEqual([[id, false]]);

    // Another agent acts on it (audit event).
    minute();
    expect((await request(t.app).post(`/api/candidatures/${id}/instruire`).set(bearer(b.token)).send({})).status).toBe(200);
    expect(await suivies()).toEqual([[id, true]]);
    // The tab counts and the filter agree.
    const compteurs = await request(t.app).get('/api/candidatures/compteurs').query({ filter: JSON.stringify({ suivies: true }) }).set(bearer(a.token));
    expect(compteurs.body.toutes).toBe(1);

    // a opens the dossier: the page says it changed since his previous visit; afterwards it is seen.
    minute();
    const page = await ouvrir(id);
    expect(page.status).toBe(200);
    expect(page.body.suivi).toMatchObject({ modifieDepuisVisite: true });
    expect(await suivies()).toEqual([[id, false]]);
    const [{ vu_le }] = await q<{ vu_le: Date }>(`select vu_le from suivi_dossier where agent_id = ? and candidature_id = ?`, [a.id, id]);
    expect(new Date(vu_le).getTime()).toBe(t.clock.now().getTime());
    expect((await ouvrir(id)).body.suivi).toMatchObject({ modifieDepuisVisite: false });
    // b opening it changes nothing for a (a read), nor does b's own dossier page carry a follow.
    minute();
    expect((await ouvrir(id, b.token)).body.suivi).toBeNull();
    expect(await suivies()).toEqual([[id, false]]);

    // A note by another agent, then a piece deposited on the demande.
    minute();
    expect((await request(t.app).post(`/api/candidatures/${id}/notes`).set(bearer(b.token)).send({ texte: 'Pièce attendue' })).status).toBe(201);
    expect(await suivies()).toEqual([[id, true]]);
    await ouvrir(id);
    expect(await suivies()).toEqual([[id, false]]);
    await q(
      `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, depose_le, date_validite_fin)
       values (?, 'demandeur', 'bulletin_salaire', 'depose', ?, 10, 'application/pdf', 'piece.pdf', ?, '2099-12-31')`,
      [d.demandeId, 'b'.repeat(64), t.clock.now()],
    );
    expect(await suivies()).toEqual([[id, false]]); // deposited at the very instant of the visit: not after it
    minute();
    await q(
      `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, depose_le, date_validite_fin)
       values (?, 'demandeur', 'bulletin_salaire', 'depose', ?, 10, 'application/pdf', 'piece.pdf', ?, '2099-12-31')`,
      [d.demandeId, 'c'.repeat(64), t.clock.now()],
    );
    expect(await suivies()).toEqual([[id, true]]);
    const ligne = (await request(t.app).get(`/api/candidatures/${id}`).set(bearer(a.token))).body;
    expect(ligne).toMatchObject({ suivi: true, modifieDepuisVisite: true });
  });

  it('UI-SUIVI: the demandeur changing his demande on the portal (audited on the demande) is a change of the followed dossier', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId });
    const id = d.candidatureId;
    const [{ email }] = await q<{ email: string }>(
      `update demandeur set password_hash = ?, email_verifie_le = now(), cgu_version_acceptee = ? where id = ? returning email`,
      [await hashPassword(MOT_DE_PASSE), CGU, d.demandeurId],
    );
    const portail = await connexion(t.app, email);
    minute();
    expect((await suivre(id)).status).toBe(200);
    expect((await ouvrir(id)).body.suivi).toMatchObject({ modifieDepuisVisite: false });

    minute();
    const put = await request(t.app).put('/api/portail/demande').set(bearer(portail)).send({
      nombrePersonnes: 3, codemandeur: null, revenuFiscalReference: 31_000, publicCible: 'peec', lieuTravailCodePostal: '69003',
      lieuTravailCommune: 'Lyon', communeLogementActuel: 'Villeurbanne', secteursRecherche: [{ codeInsee: '69123', rayonKm: 10 }], situationsPrioritaires: [],
    });
    expect(put.status).toBe(200);
    expect(await q(`select 1 from audit_event where entite = 'demande' and entite_id = ? and action = 'modification'`, [d.demandeId])).toHaveLength(1);
    expect((await suivies()).find(([i]) => i === id)).toEqual([id, true]);
    expect((await ouvrir(id)).body.suivi).toMatchObject({ modifieDepuisVisite: true });
    expect((await suivies()).find(([i]) => i === id)).toEqual([id, false]);
  });

  it('UI-SUIVI: outside the agent’s territory: 404, nothing stored', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId });
    const put = await suivre(d.candidatureId, horsTerritoire);
    expect(put.status).toBe(404);
    expect(put.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await nePlusSuivre(d.candidatureId, horsTerritoire)).status).toBe(404);
    expect((await suivre(999_999_999)).status).toBe(404);
    expect(await q(`select 1 from suivi_dossier where candidature_id = ?`, [d.candidatureId])).toHaveLength(0);
  });

  it('UI-SUIVI: unfollow (idempotent): out of suivies=true, no flag, the dossier page carries no follow', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId });
    minute();
    expect((await suivre(d.candidatureId)).status).toBe(200);
    expect((await suivies()).map(([i]) => i)).toContain(d.candidatureId);
    const r = await nePlusSuivre(d.candidatureId);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ suivi: false, modifieDepuisVisite: null });
    expect((await nePlusSuivre(d.candidatureId)).status).toBe(200);
    expect((await suivies()).map(([i]) => i)).not.toContain(d.candidatureId);
    expect((await ouvrir(d.candidatureId)).body.suivi).toBeNull();
    const r2 = await liste({ suivies: false, id: d.candidatureId });
    expect(r2.body.map((l: { id: number }) => l.id)).toEqual([d.candidatureId]);
  });

  it('UI-SUIVI: a bad value of the filter is a 400 problem, not a 500', async () => {
    const r = await liste({ suivies: 'oui' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('FILTRE_INVALIDE');
  });
});
