/**
 * Issue #12: actions on candidatures and suspensions hold when several agents act at once.
 * Two app instances on their own pools (as two replicas would be), the requests alternating
 * between them, fired together; each scenario is repeated ROUNDS times inside the test so a
 * lucky interleaving cannot pass it. Every assertion is on the database afterwards: one
 * success, the rest 409 with the domain code, one audit event, one outbox row.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import { createApp } from '@server/app';
import { ormConfig } from '@server/db/mikro-orm.config';
import { bearer, login, testContext, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre, statutDe } from '@test/support/fixtures';
import { rondes } from './support';

const ROUNDS = 25;
const t = useTestApp('isolee');
let app2: Express;
let orm2: MikroORM;
let conseiller: string;
let collegue: string;
let fraude: string;

beforeAll(async () => {
  orm2 = await MikroORM.init(ormConfig(inject('databaseUrlIsolee'), { pool: { min: 0, max: 4 } }));
  app2 = createApp(testContext(orm2, t.clock, t.storage));
  const a = await createAgent(t.orm, 'conseiller', ['69'], 'course1');
  const b = await createAgent(t.orm, 'conseiller', ['69'], 'course2');
  const f = await createAgent(t.orm, 'controle_fraude', [], 'course3');
  conseiller = await login(t.app, a.email, a.password);
  collegue = await login(t.app, b.email, b.password);
  fraude = await login(t.app, f.email, f.password);
});
afterAll(async () => {
  await orm2?.close(true);
});

const q = <T>(sql: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(sql, p);
const instance = (i: number) => (i % 2 === 0 ? t.app : app2);
const poster = (i: number, path: string, token: string, body: object = {}) => request(instance(i)).post(path).set(bearer(token)).send(body);

/** n identical requests at once, alternating between the two instances. */
async function rafale(n: number, path: string, token: string | ((i: number) => string), body: object = {}) {
  return Promise.all(Array.from({ length: n }, (_, i) => poster(i, path, typeof token === 'string' ? token : token(i), body)));
}

const audits = async (entite: string, id: number, action: string) =>
  (await q<{ n: number }>(`select count(*)::int as n from audit_event where entite = ? and entite_id = ? and action = ?`, [entite, id, action]))[0].n;
const notifs = async (entite: string, id: number) =>
  (await q<{ n: number }>(`select count(*)::int as n from notification where entite = ? and entite_id = ?`, [entite, id]))[0].n;

function unSeulSucces(rs: request.Response[], codes: string[]) {
  const ok = rs.filter((r) => r.status < 300);
  const refus = rs.filter((r) => r.status >= 300);
  expect(ok.map((r) => r.status)).toHaveLength(1);
  expect(refus.map((r) => r.status)).toEqual(refus.map(() => 409));
  for (const r of refus) {
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(codes).toContain(r.body.code);
  }
}

describe('R-CAND-FSM: 20 identical concurrent actions on one candidature → one success, 19 × 409, one audit event, one mail', () => {
  const cas = [
    { action: 'instruire', de: 'deposee', vers: 'en_instruction', body: {}, audit: 'instruire', codes: ['TRANSITION_INTERDITE'] },
    { action: 'designer', de: 'en_instruction', vers: 'transmise_bailleur', body: {}, audit: 'designer', codes: ['TRANSITION_INTERDITE'] },
    { action: 'ne-pas-retenir', de: 'en_instruction', vers: 'non_retenue', body: { motif: 'Dossier incomplet' }, audit: 'ne_pas_retenir', codes: ['TRANSITION_INTERDITE'] },
    { action: 'attribuer', de: 'transmise_bailleur', vers: 'attribuee', body: {}, audit: 'attribuer', codes: ['TRANSITION_INTERDITE'] },
    { action: 'annuler', de: 'en_instruction', vers: 'annulee', body: { motif: 'À la demande du candidat', canal: 'telephone' }, audit: 'annuler', codes: ['TRANSITION_INTERDITE'] },
  ] as const;
  for (const k of cas) {
    it(`R-CAND-FSM / R-DESIGNATE: ${k.action} × 20 at once, ${ROUNDS} rounds, two instances`, { timeout: 240_000 }, async () => {
      await rondes(ROUNDS, async (round) => {
        const offreId = await creerOffre(t.orm);
        const d = await creerDossier(t.orm, { offreId, statut: k.de });
        const rs = await rafale(20, `/api/candidatures/${d.candidatureId}/${k.action}`, conseiller, k.body);
        unSeulSucces(rs, [...k.codes]);
        expect(await statutDe(t.orm, d.candidatureId)).toBe(k.vers);
        expect(await audits('candidature', d.candidatureId, k.audit)).toBe(1);
        expect(await notifs('candidature', d.candidatureId)).toBe(1);
      });
    });
  }

  it(`R-CAND-FSM: prendre × 20 at once by two agents (double clicks and a colleague) → one holder, one audit event, ${ROUNDS} rounds`, { timeout: 240_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const offreId = await creerOffre(t.orm);
      const d = await creerDossier(t.orm, { offreId, statut: 'deposee' });
      const rs = await rafale(20, `/api/candidatures/${d.candidatureId}/prendre`, (i) => (i % 3 === 0 ? collegue : conseiller));
      unSeulSucces(rs, ['DEJA_EN_CHARGE', 'DOSSIER_PRIS']);
      const prises = (await q<{ n: number }>(
        `select count(*)::int as n from audit_event where entite = 'candidature' and entite_id = ? and action in ('prise_dossier', 'reprise_dossier')`, [d.candidatureId]))[0].n;
      expect(prises).toBe(1);
      const tokenDe = (i: number) => (i % 3 === 0 ? collegue : conseiller);
      const titulaire = tokenDe(rs.findIndex((r) => r.status === 200));
      const libere = await rafale(6, `/api/candidatures/${d.candidatureId}/liberer`, titulaire);
      unSeulSucces(libere, ['DOSSIER_NON_PRIS']);
      expect(await audits('candidature', d.candidatureId, 'liberation_dossier')).toBe(1);
    });
  });
});

describe('R-SUSP: suspensions at once', () => {
  it(`R-SUSP: 20 identical suspensions of one demandeur → one 201, 19 × 409 DEJA_SUSPENDU, one audit event, one mail (${ROUNDS} rounds)`, { timeout: 240_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const offreId = await creerOffre(t.orm);
      const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction' });
      const rs = await rafale(20, '/api/suspensions', fraude, { demandeurId: d.demandeurId, type: 'incivilite', dureeMois: 6, motif: 'Propos injurieux à l’accueil' });
      unSeulSucces(rs, ['DEJA_SUSPENDU']);
      const [{ n, id }] = await q<{ n: number; id: number }>(`select count(*)::int as n, max(id) as id from suspension where demandeur_id = ?`, [d.demandeurId]);
      expect(n).toBe(1);
      expect(await audits('suspension', id, 'suspendre')).toBe(1);
      expect(await notifs('suspension', id)).toBe(1);
      // Lifting it twice at once: one lift.
      const levees = await rafale(10, `/api/suspensions/${id}/lever`, fraude, { motif: 'Réclamation fondée' });
      unSeulSucces(levees, ['SUSPENSION_DEJA_LEVEE']);
      expect(await audits('suspension', id, 'lever')).toBe(1);
    });
  });

  it(`R-SUSP / R-DESIGNATE: a designation and a suspension of the same demandeur at once, both orders → never a designated candidature of a suspended demandeur (${ROUNDS} rounds)`, { timeout: 240_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const offreId = await creerOffre(t.orm);
      const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction' });
      const designer = () => poster(round, `/api/candidatures/${d.candidatureId}/designer`, conseiller);
      const suspendre = () => poster(round + 1, '/api/suspensions', fraude, { demandeurId: d.demandeurId, type: 'fraude', dureeMois: 12, motif: 'Faux avis d’imposition' });
      const [r1, r2] = round % 2 === 0 ? await Promise.all([designer(), suspendre()]) : (await Promise.all([suspendre(), designer()])).reverse();
      expect(r2.status).toBe(201);
      expect([200, 409]).toContain(r1.status);
      if (r1.status === 409) expect(['SUSPENDU', 'TRANSITION_INTERDITE']).toContain(r1.body.code);
      // The suspension is in force: whatever the order, the candidature is closed, never left transmise_bailleur.
      expect(await statutDe(t.orm, d.candidatureId)).toBe('cloturee');
    });
  });
});

describe('R-DESIGNATE / R-PSEEC: counts across rows', () => {
  it(`R-DESIGNATE: 3 designations at once on a 1-logement offer that already has 2 designated → exactly one succeeds (${ROUNDS} rounds)`, { timeout: 240_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const offreId = await creerOffre(t.orm, { nombreLogements: 1 });
      for (let i = 0; i < 2; i++) await creerDossier(t.orm, { offreId, statut: 'transmise_bailleur' });
      const ds = [];
      for (let i = 0; i < 3; i++) ds.push(await creerDossier(t.orm, { offreId, statut: 'en_instruction' }));
      const rs = await Promise.all(ds.map((d, i) => poster(i, `/api/candidatures/${d.candidatureId}/designer`, i === 1 ? collegue : conseiller, { motif: 'Course de désignation' })));
      unSeulSucces(rs, ['DESIGNATIONS_COMPLETES']);
      const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from candidature where offre_id = ? and statut = 'transmise_bailleur'`, [offreId]);
      expect(n).toBe(3);
    });
  });

  it(`R-PSEEC: 20 designations at once, on 20 offers, drawing on one entreprise's 10 rights → 10 succeed, rights end at 0, one right per designation (${ROUNDS} rounds)`, { timeout: 300_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const [e] = await q<{ id: number }>(
        `insert into entreprise (siret, raison_sociale, contribution, droits_pseec_restants) values (?, 'PSEEC course', 'pseec', 10) returning id`,
        [`8${process.pid}${round}${Date.now()}`.slice(-14).padStart(14, '8')],
      );
      // 20 designations on 20 different offers: no offer lock in common, only the atomic
      // `droits_pseec_restants - 1 where droits_pseec_restants > 0` keeps the count.
      const ds = [];
      for (let i = 0; i < 20; i++) ds.push(await creerDossier(t.orm, { offreId: await creerOffre(t.orm), statut: 'en_instruction', publicCible: 'pseec', entrepriseId: e.id }));
      const rs = await Promise.all(ds.map((d, i) => poster(i, `/api/candidatures/${d.candidatureId}/designer`, i % 2 ? collegue : conseiller, { motif: 'Course PSEEC' })));
      const ok = rs.filter((r) => r.status === 200).length;
      expect(rs.filter((r) => r.status !== 200).map((r) => [r.status, r.body.code])).toEqual(Array.from({ length: 20 - ok }, () => [409, 'DROITS_PSEEC_EPUISES']));
      expect(ok).toBe(10);
      const [{ droits }] = await q<{ droits: number }>(`select droits_pseec_restants as droits from entreprise where id = ?`, [e.id]);
      expect(droits).toBe(0);
      const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from candidature where id = any(?::int[]) and statut = 'transmise_bailleur'`, [`{${ds.map((d) => d.candidatureId).join(',')}}`]);
      expect(n).toBe(10);
    });
  });
});

describe('R-CAND-FSM: bulk actions (actions-groupees) racing single actions and each other', () => {
  type Rapport = { reussies: number[]; refusees: { id: number; code: string }[] };
  /** Who won each row: exactly one of the bulk reports or single answers; every loser says why, with the domain code. */
  function unGagnantParLigne(ids: number[], groupes: request.Response[], seules: request.Response[], codes: string[]) {
    for (const g of groupes) expect(g.status, JSON.stringify(g.body)).toBe(200);
    const rapports = groupes.map((g) => g.body as Rapport);
    ids.forEach((id, k) => {
      const gagnants = rapports.filter((r) => r.reussies.includes(id)).length + (seules[k].status === 200 ? 1 : 0);
      expect(gagnants, `ligne ${id} : ${JSON.stringify(rapports)} ; seule ${seules[k].status}`).toBe(1);
      for (const r of rapports.filter((x) => !x.reussies.includes(id))) expect(codes).toContain(r.refusees.find((x) => x.id === id)?.code);
      if (seules[k].status !== 200) {
        expect(seules[k].status).toBe(409);
        expect(codes).toContain(seules[k].body.code);
      }
    });
  }

  it(`R-CAND-FSM: two identical bulk « instruire » and a single « instruire » per row at once, two instances → each row instructed once, one audit event and one mail per row (${ROUNDS} rounds)`, { timeout: 300_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const offreId = await creerOffre(t.orm, { nombreLogements: 10 });
      const ids: number[] = [];
      for (let i = 0; i < 8; i++) ids.push((await creerDossier(t.orm, { offreId, statut: 'deposee' })).candidatureId);
      const enGroupe = (i: number) => poster(round + i, '/api/candidatures/actions-groupees', conseiller, { action: 'instruire', ids });
      const [g1, g2, ...seules] = await Promise.all([enGroupe(0), enGroupe(1), ...ids.map((id, k) => poster(round + k + 1, `/api/candidatures/${id}/instruire`, conseiller))]);
      unGagnantParLigne(ids, [g1, g2], seules, ['TRANSITION_INTERDITE']);
      for (const id of ids) {
        expect(await statutDe(t.orm, id)).toBe('en_instruction');
        expect(await audits('candidature', id, 'instruire')).toBe(1);
        expect(await notifs('candidature', id)).toBe(1);
      }
    });
  });

  it(`R-CAND-FSM / R-DESIGNATE: two identical bulk « ne-pas-retenir » while a colleague designates each row, two instances → each row decided once (non retenue or designated), one audit event and one mail per row (${ROUNDS} rounds)`, { timeout: 300_000 }, async () => {
    await rondes(ROUNDS, async (round) => {
      const offreId = await creerOffre(t.orm, { nombreLogements: 10 });
      const ids: number[] = [];
      for (let i = 0; i < 8; i++) ids.push((await creerDossier(t.orm, { offreId, statut: 'en_instruction' })).candidatureId);
      const enGroupe = (i: number) => poster(round + i, '/api/candidatures/actions-groupees', conseiller, { action: 'ne-pas-retenir', ids, motif: 'Dossier incomplet' });
      const [g1, g2, ...seules] = await Promise.all([
        enGroupe(0), enGroupe(1), ...ids.map((id, k) => poster(round + k + 1, `/api/candidatures/${id}/designer`, collegue, { motif: 'Course avec une action groupée' })),
      ]);
      // A bulk that comes second on a row the colleague designated finds it held by the colleague (DOSSIER_PRIS).
      unGagnantParLigne(ids, [g1, g2], seules, ['TRANSITION_INTERDITE', 'DOSSIER_PRIS']);
      for (const [k, id] of ids.entries()) {
        expect(await statutDe(t.orm, id)).toBe(seules[k].status === 200 ? 'transmise_bailleur' : 'non_retenue');
        const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from audit_event where entite = 'candidature' and entite_id = ? and action in ('ne_pas_retenir', 'designer')`, [id]);
        expect(n).toBe(1);
        expect(await notifs('candidature', id)).toBe(1);
      }
    });
  });
});
