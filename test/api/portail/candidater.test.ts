import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demande, demandeurActif, offre, piece, programme, q, type OptionsDemande, type OptionsOffre } from './fixtures';

const t = useTestApp();
const JOUR = 86_400_000;
let agentId: number;
beforeAll(async () => {
  agentId = (await createAgent(t.orm, 'controle_fraude')).id;
});

async function candidat(o: OptionsDemande & { sansDemande?: boolean } = {}) {
  const a = await demandeurActif(t.orm);
  const demandeId = o.sansDemande ? null : await demande(t.orm, a.id, o);
  return { ...a, demandeId, token: await connexion(t.app, a.email) };
}
const nouvelleOffre = (o: OptionsOffre = {}) => offre(t.orm, t.clock.now(), o);
const candidater = (token: string, offreId: number) => request(t.app).post(`/api/portail/offres/${offreId}/candidater`).set(bearer(token)).send();
const ouvertes = async (demandeurId: number) =>
  (await q<{ n: number }>(t.orm, `select count(*)::int as n from candidature where demandeur_id = ? and statut in ('deposee', 'en_instruction', 'transmise_bailleur')`, [demandeurId]))[0].n;
async function refus(token: string, offreId: number, code: string) {
  const r = await candidater(token, offreId);
  expect(r.status, JSON.stringify(r.body)).toBe(409);
  expect(r.body.code).toBe(code);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
}

describe('POST /api/portail/offres/:id/candidater', () => {
  it('R-LIMIT-CL: a 5th classique candidature is accepted, a 6th refused (409 LIMITE_CLASSIQUE); cancelling one frees a place', async () => {
    const c = await candidat();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await nouvelleOffre({ nature: 'classique' });
      const r = await candidater(c.token, id);
      expect(r.status, `candidature ${i + 1}`).toBe(201);
      ids.push(r.body.id);
    }
    const sixieme = await nouvelleOffre({ nature: 'classique' });
    await refus(c.token, sixieme, 'LIMITE_CLASSIQUE');
    expect(await ouvertes(c.id)).toBe(5);
    // courte durée offers are not counted
    expect((await candidater(c.token, await nouvelleOffre({ nature: 'courte_duree', forme: 'type' }))).status).toBe(201);
    expect((await request(t.app).post(`/api/portail/candidatures/${ids[0]}/annuler`).set(bearer(c.token))).status).toBe(200);
    expect((await candidater(c.token, sixieme)).status).toBe(201);
  });

  it('R-LIMIT-PROG: not two classique offers of the same programme with the same typologie; another typologie is fine', async () => {
    const c = await candidat({ nombrePersonnes: 3 });
    const prog = await programme(t.orm);
    expect((await candidater(c.token, await nouvelleOffre({ programmeId: prog.id, typologie: 'T3' }))).status).toBe(201);
    await refus(c.token, await nouvelleOffre({ programmeId: prog.id, typologie: 'T3' }), 'LIMITE_PROGRAMME');
    expect((await candidater(c.token, await nouvelleOffre({ programmeId: prog.id, typologie: 'T2' }))).status).toBe(201);
  });

  it('R-LIMIT-ID: a second courte_duree identifié is refused (409 LIMITE_IDENTIFIE); "type" offers go in parallel', async () => {
    const c = await candidat();
    expect((await candidater(c.token, await nouvelleOffre({ nature: 'courte_duree', forme: 'identifie' }))).status).toBe(201);
    await refus(c.token, await nouvelleOffre({ nature: 'courte_duree', forme: 'identifie' }), 'LIMITE_IDENTIFIE');
    for (let i = 0; i < 3; i++) expect((await candidater(c.token, await nouvelleOffre({ nature: 'courte_duree', forme: 'type' }))).status).toBe(201);
    expect(await ouvertes(c.id)).toBe(4);
  });

  it('R-LIMIT-SUSP: a suspended demandeur cannot apply (409 SUSPENDU)', async () => {
    const c = await candidat();
    await q(t.orm, `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, cree_par_id, created_at) values (?, 'fraude', ?, ?, 6, 'x', ?, now())`, [
      c.id,
      new Date(t.clock.now().getTime() - JOUR),
      new Date(t.clock.now().getTime() + 180 * JOUR),
      agentId,
    ]);
    await refus(c.token, await nouvelleOffre(), 'SUSPENDU');
  });

  it('R-ELIG: revenu over the plafond, an unsuited typologie or an expired piece → 409 NON_ELIGIBLE; at the plafond it passes', async () => {
    const c = await candidat({ nombrePersonnes: 2, revenu: 30_000 });
    await refus(c.token, await nouvelleOffre({ plafonds: { 1: 20_000, 2: 29_999, 3: 40_000 } }), 'NON_ELIGIBLE');
    expect((await candidater(c.token, await nouvelleOffre({ plafonds: { 1: 20_000, 2: 30_000 } }))).status).toBe(201);
    await refus(c.token, await nouvelleOffre({ typologie: 'T5' }), 'NON_ELIGIBLE');
    const d = await candidat();
    await piece(t.orm, d.demandeId!, 'justificatif_domicile', { fin: '2026-01-01' });
    await refus(d.token, await nouvelleOffre({ reglementation: 'plus' }), 'NON_ELIGIBLE');
  });

  it('DEMANDE_INCOMPLETE without a complete demande; OFFRE_NON_PUBLIEE outside the window or dépubliée; DEJA_CANDIDAT twice; 404 unknown', async () => {
    await refus((await candidat({ sansDemande: true })).token, await nouvelleOffre(), 'DEMANDE_INCOMPLETE');
    await refus((await candidat({ socles: false })).token, await nouvelleOffre(), 'DEMANDE_INCOMPLETE');
    const c = await candidat();
    await refus(c.token, await nouvelleOffre({ debut: new Date(t.clock.now().getTime() + JOUR) }), 'OFFRE_NON_PUBLIEE');
    await refus(c.token, await nouvelleOffre({ fin: t.clock.now() }), 'OFFRE_NON_PUBLIEE');
    await refus(c.token, await nouvelleOffre({ publiee: false }), 'OFFRE_NON_PUBLIEE');
    const dep = await nouvelleOffre();
    await q(t.orm, `update offre set depubliee_le = now() where id = ?`, [dep]);
    await refus(c.token, dep, 'OFFRE_NON_PUBLIEE');
    const o = await nouvelleOffre();
    expect((await candidater(c.token, o)).status).toBe(201);
    await refus(c.token, o, 'DEJA_CANDIDAT');
    expect((await candidater(c.token, 999_999_999)).status).toBe(404);
    expect((await candidater(c.token, 'abc' as unknown as number)).status).toBe(404);
  });

  it('the candidature copies reference, departement and nature, gets its palier from the shared ranking and an audit event', async () => {
    const c = await candidat();
    const o = await nouvelleOffre({ nature: 'classique', reglementation: 'libre', codeInsee: '69266' });
    const r = await candidater(c.token, o);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ statut: 'deposee', origine: 'portail', offreId: o });
    expect(r.body.reference).toMatch(/^CAN-\d{4}-\d{6}$/);
    const [row] = await q<Record<string, unknown>>(t.orm, `select * from candidature where id = ?`, [r.body.id]);
    expect(row).toMatchObject({ departement: '69', nature: 'classique', palier: 2, origine: 'portail', demande_id: c.demandeId });
    expect(new Date(row.date_candidature as Date).getMilliseconds()).toBe(0);
    const ev = await q(t.orm, `select action, acteur_type, vers from audit_event where entite = 'candidature' and entite_id = ?`, [r.body.id]);
    expect(ev).toEqual([{ action: 'candidater', acteur_type: 'demandeur', vers: 'deposee' }]);
  });

  it('R-INLI: applying to an In’li offer puts the "the bailleur will contact you" notification in the outbox; others do not', async () => {
    const c = await candidat();
    const inli = await candidater(c.token, await nouvelleOffre({ inli: true }));
    const autre = await candidater(c.token, await nouvelleOffre({ inli: false }));
    const notes = await q<{ entite_id: number; template: string; corps: string }>(t.orm, `select entite_id, template, corps from notification where entite = 'candidature' and entite_id in (?, ?)`, [inli.body.id, autre.body.id]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ entite_id: inli.body.id, template: 'candidature_inli' });
    expect(notes[0].corps).toMatch(/In’li/);
  });

  it('R-LIMIT-CL: two parallel applies at 4 open classique candidatures → exactly one passes (demandeur row lock)', async () => {
    for (let essai = 0; essai < 3; essai++) {
      const c = await candidat();
      for (let i = 0; i < 4; i++) expect((await candidater(c.token, await nouvelleOffre())).status).toBe(201);
      const [a, b] = [await nouvelleOffre(), await nouvelleOffre()];
      const rs = await Promise.all([candidater(c.token, a), candidater(c.token, b)]);
      expect(rs.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(rs.find((r) => r.status === 409)!.body.code).toBe('LIMITE_CLASSIQUE');
      expect(await ouvertes(c.id)).toBe(5);
    }
  });

  it('DEJA_CANDIDAT: the same offer twice in parallel → one candidature', async () => {
    const c = await candidat();
    const o = await nouvelleOffre();
    const rs = await Promise.all([candidater(c.token, o), candidater(c.token, o), candidater(c.token, o)]);
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await ouvertes(c.id)).toBe(1);
  });
});

describe('POST /api/portail/candidatures/:id/annuler', () => {
  it('R-CANCEL-SELF: cancels while deposee; 409 EN_INSTRUCTION once instructed; 409 TRANSITION_INTERDITE when final; 404 for another’s', async () => {
    const c = await candidat();
    const [o1, o2] = [await nouvelleOffre(), await nouvelleOffre()];
    const a = (await candidater(c.token, o1)).body.id;
    const b = (await candidater(c.token, o2)).body.id;
    const annuler = (id: number, token = c.token) => request(t.app).post(`/api/portail/candidatures/${id}/annuler`).set(bearer(token));
    const r = await annuler(a);
    expect(r.status).toBe(200);
    expect(r.body.statut).toBe('annulee');
    const again = await annuler(a);
    expect([again.status, again.body.code]).toEqual([409, 'TRANSITION_INTERDITE']);
    await q(t.orm, `update candidature set statut = 'en_instruction' where id = ?`, [b]);
    const inst = await annuler(b);
    expect([inst.status, inst.body.code]).toEqual([409, 'EN_INSTRUCTION']);
    const [row] = await q<{ statut: string }>(t.orm, `select statut from candidature where id = ?`, [b]);
    expect(row.statut).toBe('en_instruction');
    const autre = await candidat();
    expect((await annuler(b, autre.token)).status).toBe(404);
    const ev = await q(t.orm, `select action, de, vers from audit_event where entite = 'candidature' and entite_id = ? and action = 'annuler'`, [a]);
    expect(ev).toEqual([{ action: 'annuler', de: 'deposee', vers: 'annulee' }]);
    const liste = await request(t.app).get('/api/portail/candidatures').set(bearer(c.token));
    expect(liste.body.map((x: { id: number; statut: string }) => [x.id, x.statut]).sort()).toEqual([[a, 'annulee'], [b, 'en_instruction']].sort());
  });
});
