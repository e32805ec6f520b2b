import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { createApp } from '@server/app';
import { ormConfig } from '@server/db/mikro-orm.config';
import { bearer, login, testContext, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre, statutDe } from '@test/support/fixtures';

const t = useTestApp();
let a1: string;
let a2: string;
beforeAll(async () => {
  const x = await createAgent(t.orm, 'conseiller', ['69'], 'designer1');
  const y = await createAgent(t.orm, 'conseiller', ['69'], 'designer2');
  a1 = await login(t.app, x.email, x.password);
  a2 = await login(t.app, y.email, y.password);
});
const designer = (id: number, token: string, body: object = {}, app = t.app) => request(app).post(`/api/candidatures/${id}/designer`).set(bearer(token)).send(body);
const q = <T>(sql: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(sql, p);

describe('R-DESIGNATE', () => {
  it('R-DESIGNATE: refuses while a required piece is not validated (409 PIECES_NON_VALIDEES), then accepts once validated', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction', pieces: { identite: 'valide', ressources: 'depose', avis_imposition: 'valide', justificatif_domicile: 'valide' } });
    const r = await designer(d.candidatureId, a1);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('PIECES_NON_VALIDEES');
    expect(r.body.detail).toMatch(/ressources/);
    await q(`update justificatif set statut = 'valide' where demande_id = ?`, [d.demandeId]);
    expect((await designer(d.candidatureId, a1)).status).toBe(200);
  });

  it('R-DESIGNATE: refuses a suspended demandeur (409 SUSPENDU)', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction' });
    const [agent] = await q<{ id: number }>(`select id from agent where role = 'controle_fraude' limit 1`);
    await q(`insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, cree_par_id) values (?, 'incivilite', ?, ?, 6, 'test', ?)`,
      [d.demandeurId, new Date('2026-10-01T00:00:00Z'), new Date('2027-04-01T00:00:00Z'), agent.id]);
    const r = await designer(d.candidatureId, a1);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('SUSPENDU');
  });

  it('R-PSEEC: a designation uses one right of the pseec entreprise, exactly once; at zero → 409 DROITS_PSEEC_EPUISES', async () => {
    const [e] = await q<{ id: number }>(`insert into entreprise (siret, raison_sociale, contribution, droits_pseec_restants) values (?, 'PSEEC test', 'pseec', 1) returning id`, [String(Date.now()).slice(-14).padStart(14, '7')]);
    const offreId = await creerOffre(t.orm, { nombreLogements: 2 });
    const d1 = await creerDossier(t.orm, { offreId, statut: 'en_instruction', publicCible: 'pseec', entrepriseId: e.id, dateCandidature: new Date('2026-09-01T08:00:00Z') });
    const d2 = await creerDossier(t.orm, { offreId, statut: 'en_instruction', publicCible: 'pseec', entrepriseId: e.id, dateCandidature: new Date('2026-09-02T08:00:00Z') });
    expect((await designer(d1.candidatureId, a1)).status).toBe(200);
    expect((await designer(d1.candidatureId, a1)).status).toBe(409); // double click: nothing more is used
    const [{ droits }] = await q<{ droits: number }>(`select droits_pseec_restants as droits from entreprise where id = ?`, [e.id]);
    expect(droits).toBe(0);
    const r = await designer(d2.candidatureId, a1);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('DROITS_PSEEC_EPUISES');
  });

  it('R-DESIGNATE: skipping a better-ranked waiting candidature needs a motif; at most 3 designated per logement', async () => {
    const offreId = await creerOffre(t.orm, { nombreLogements: 1 });
    const ds = [];
    for (let i = 0; i < 5; i++) ds.push(await creerDossier(t.orm, { offreId, statut: 'en_instruction', dateCandidature: new Date(Date.UTC(2026, 8, 1 + i, 8)) }));
    const saut = await designer(ds[1].candidatureId, a1);
    expect(saut.status).toBe(409);
    expect(saut.body.code).toBe('SAUT_DE_RANG_SANS_MOTIF');
    expect((await designer(ds[1].candidatureId, a1, { motif: 'Le premier ne répond plus au téléphone' })).status).toBe(200);
    const [ev] = await q<{ motif: string }>(`select motif from audit_event where entite = 'candidature' and entite_id = ? and action = 'designer'`, [ds[1].candidatureId]);
    expect(ev.motif).toMatch(/ne répond plus/);
    expect((await designer(ds[0].candidatureId, a1)).status).toBe(200);
    expect((await designer(ds[2].candidatureId, a1)).status).toBe(200);
    const quatrieme = await designer(ds[3].candidatureId, a1);
    expect(quatrieme.status).toBe(409);
    expect(quatrieme.body.code).toBe('DESIGNATIONS_COMPLETES');
  });

  it('R-RANK: the rank at designation is stored by the designation itself (the designation export reads it)', async () => {
    const offreId = await creerOffre(t.orm, { nombreLogements: 2 });
    const ds = [];
    for (let i = 0; i < 3; i++) ds.push(await creerDossier(t.orm, { offreId, statut: 'en_instruction', dateCandidature: new Date(Date.UTC(2026, 8, 1 + i, 8)) }));
    await q(`update candidature set statut = 'annulee', cloture_le = ? where id = ?`, [new Date(Date.UTC(2026, 8, 10)), ds[0].candidatureId]);
    expect((await designer(ds[2].candidatureId, a1, { motif: 'Le deuxième est injoignable' })).status).toBe(200);
    expect((await designer(ds[1].candidatureId, a1)).status).toBe(200);
    const rangs = await q<{ id: number; rang_designation: number | null }>(`select id, rang_designation from candidature where offre_id = ? order by id`, [offreId]);
    // ds[0] closed before: not counted; ds[2] behind ds[1] (still open): 2nd; ds[1] first.
    expect(rangs.map((r) => r.rang_designation)).toEqual([null, 1, 2]);
  });

  it('R-DESIGNATE: two agents designate the same candidature at the same moment → one 200, one 409, one audit event', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction' });
    // Two app instances with their own pools, as two replicas would be.
    const orm2 = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 2 } }));
    try {
      const app2 = createApp(testContext(orm2, t.clock, t.storage));
      const results = await Promise.all([designer(d.candidatureId, a1), designer(d.candidatureId, a2, {}, app2)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      // The loser sees the changed row; the winner took the dossier by acting on it (issue #15), so it may be told so.
      expect(['TRANSITION_INTERDITE', 'DOSSIER_PRIS']).toContain(results.find((r) => r.status === 409)!.body.code);
    } finally {
      await orm2.close(true);
    }
    const events = await q(`select id from audit_event where entite = 'candidature' and entite_id = ? and action = 'designer'`, [d.candidatureId]);
    expect(events).toHaveLength(1);
    const notifs = await q(`select id from notification where entite = 'candidature' and entite_id = ?`, [d.candidatureId]);
    expect(notifs).toHaveLength(1);
    expect(await statutDe(t.orm, d.candidatureId)).toBe('transmise_bailleur');
  });

  it('attribution closes the demande (motif attribution) and its other open candidatures, each demandeur told', async () => {
    const offreId = await creerOffre(t.orm);
    const d = await creerDossier(t.orm, { offreId, statut: 'transmise_bailleur' });
    const autreOffre = await creerOffre(t.orm);
    const [{ id: autre }] = await q<{ id: number }>(
      `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature) values (?, ?, ?, ?, '69', 'classique', 'deposee', now()) returning id`,
      [`CAN-T-ATTR-${process.pid}`, d.demandeId, d.demandeurId, autreOffre]);
    const r = await request(t.app).post(`/api/candidatures/${d.candidatureId}/attribuer`).set(bearer(a1)).send({});
    expect(r.status).toBe(200);
    expect(await statutDe(t.orm, autre)).toBe('cloturee');
    const [dem] = await q<{ statut: string; motif_cloture: string }>(`select statut, motif_cloture from demande where id = ?`, [d.demandeId]);
    expect(dem).toEqual({ statut: 'cloturee', motif_cloture: 'attribution' });
    expect(await q(`select id from notification where entite = 'candidature' and entite_id = ? and template = 'candidature_cloturee'`, [autre])).toHaveLength(1);
  });
});
