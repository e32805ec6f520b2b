import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { compter, demandeurAvecCandidatures, statuts } from './fixtures';

const t = useTestApp();
const tok = { fraude: '', conseiller: '', manager: '' };
let fraudeId = 0;

beforeAll(async () => {
  const f = await createAgent(t.orm, 'controle_fraude');
  fraudeId = f.id;
  tok.fraude = await login(t.app, f.email, f.password);
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  tok.conseiller = await login(t.app, c.email, c.password);
  const m = await createAgent(t.orm, 'manager');
  tok.manager = await login(t.app, m.email, m.password);
});

const suspendre = (body: Record<string, unknown>, token = tok.fraude) => request(t.app).post('/api/suspensions').set(bearer(token)).send(body);

describe('POST /api/suspensions', () => {
  it('R-SUSP: 5, 61 and 6.5 months are refused with 400 DUREE_SUSPENSION and nothing is written', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee']);
    for (const dureeMois of [5, 61, 6.5]) {
      const r = await suspendre({ demandeurId: d.demandeurId, type: 'fraude', dureeMois, motif: 'Test' });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('DUREE_SUSPENSION');
      expect(r.body.errors[0].field).toBe('dureeMois');
    }
    expect(await compter(t.orm, 'select 1 from suspension where demandeur_id = ?', [d.demandeurId])).toBe(0);
    expect(Object.values(await statuts(t.orm, d.candidatureIds))).toEqual(['deposee']);
  });

  it('R-SUSP: a conseiller and a manager may not suspend (403); an unknown demandeur is 404; a missing motif is 400', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const body = { demandeurId: d.demandeurId, type: 'incivilite', dureeMois: 6, motif: 'Insultes' };
    expect((await suspendre(body, tok.conseiller)).status).toBe(403);
    expect((await suspendre(body, tok.manager)).status).toBe(403);
    expect((await suspendre({ ...body, demandeurId: 999_999_999 })).status).toBe(404);
    const sansMotif = await suspendre({ ...body, motif: '  ' });
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.errors[0].field).toBe('motif');
  });

  it('R-SUSP: the preview shows the demande and the N open candidatures to close, the end date and récidive, and changes nothing', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee', 'en_instruction', 'transmise_bailleur', 'non_retenue']);
    const r = await request(t.app)
      .get('/api/suspensions/apercu')
      .query({ demandeurId: d.demandeurId, dureeMois: 24, type: 'fraude' })
      .set(bearer(tok.fraude));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ demandeurId: d.demandeurId, dureeMois: 24, recidive: false, dejaSuspendu: false, nombreCandidatures: 3 });
    expect(r.body.demande.id).toBe(d.demandeId);
    expect(r.body.candidatures.map((c: { id: number }) => c.id).sort()).toEqual(d.candidatureIds.slice(0, 3).sort());
    expect(r.body.candidatures[0].reference).toMatch(/^CAN-/);
    expect(r.body.fin).toBe('2028-11-02T09:00:00.000Z'); // SEED_NOW + 24 months, Paris calendar
    const bad = await request(t.app).get('/api/suspensions/apercu').query({ demandeurId: d.demandeurId, dureeMois: 3 }).set(bearer(tok.fraude));
    expect(bad.body.code).toBe('DUREE_SUSPENSION');
    expect((await request(t.app).get('/api/suspensions/apercu').query({ demandeurId: d.demandeurId, dureeMois: 6 }).set(bearer(tok.conseiller))).status).toBe(403);
    expect(await compter(t.orm, 'select 1 from suspension where demandeur_id = ?', [d.demandeurId])).toBe(0);
  });

  it('R-SUSP: applying closes the demande (motif fraude) and the 3 open candidatures, with audit events and a notification, in one transaction; the account stays usable', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee', 'en_instruction', 'transmise_bailleur', 'non_retenue']);
    const avant = await compter(t.orm, 'select 1 from audit_event');
    const r = await suspendre({ demandeurId: d.demandeurId, type: 'fraude', dureeMois: 24, motif: 'Avis d’imposition retouché (Photoshop)' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ demandeurId: d.demandeurId, type: 'fraude', dureeMois: 24, recidive: false, active: true, motif: 'Avis d’imposition retouché (Photoshop)' });
    expect(r.body.effets.candidatures).toHaveLength(3);
    expect(await statuts(t.orm, d.candidatureIds)).toEqual({
      [d.candidatureIds[0]]: 'cloturee', [d.candidatureIds[1]]: 'cloturee', [d.candidatureIds[2]]: 'cloturee', [d.candidatureIds[3]]: 'non_retenue',
    });
    const [demande] = await t.orm.em.fork().getConnection().execute(`select statut, motif_cloture, cloture_le from demande where id = ?`, [d.demandeId]);
    expect(demande).toMatchObject({ statut: 'cloturee', motif_cloture: 'fraude' });
    // 1 suspension event (with the motive, fraude) + 3 candidatures + 1 demande
    expect(await compter(t.orm, 'select 1 from audit_event') - avant).toBe(5);
    const evts = await t.orm.em.fork().getConnection().execute<{ entite: string; fraude: boolean; motif: string }[]>(
      `select entite, fraude, motif from audit_event where id > (select max(id) - 5 from audit_event) order by id`,
    );
    expect(evts.filter((e) => e.fraude).map((e) => e.entite)).toEqual(['suspension']);
    expect(evts.filter((e) => !e.fraude).every((e) => !String(e.motif).includes('Photoshop'))).toBe(true);
    const [n] = await t.orm.em.fork().getConnection().execute<{ corps: string; template: string }[]>(
      `select template, corps from notification where demandeur_id = ? order by id desc limit 1`,
      [d.demandeurId],
    );
    expect(n.template).toBe('suspension_appliquee');
    expect(n.corps).toMatch(/24 mois/);
    expect(n.corps).toMatch(/fraude/);
    expect(n.corps).not.toMatch(/Photoshop/);
    const [compte] = await t.orm.em.fork().getConnection().execute(`select statut_compte, desactive_le from demandeur where id = ?`, [d.demandeurId]);
    expect(compte).toEqual({ statut_compte: 'actif', desactive_le: null });
    const dr = await request(t.app).get(`/api/demandeurs/${d.demandeurId}`).set(bearer(tok.fraude));
    expect(new Date(dr.body.suspenduJusquAu).toISOString()).toBe('2028-11-02T09:00:00.000Z');
  });

  it('R-SUSP: a failure midway (after the candidatures were closed) leaves everything as before', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee', 'en_instruction']);
    const conn = t.orm.em.fork().getConnection();
    const avant = await compter(t.orm, 'select 1 from audit_event');
    await conn.execute(`create or replace function test_panne() returns trigger language plpgsql as $$
      begin raise exception 'panne injectée'; end $$`);
    await conn.execute(`create trigger test_panne before insert on notification for each row when (new.template = 'suspension_appliquee') execute function test_panne()`);
    try {
      const r = await suspendre({ demandeurId: d.demandeurId, type: 'incivilite', dureeMois: 6, motif: 'Menaces au téléphone' });
      expect(r.status).toBe(500);
    } finally {
      await conn.execute(`drop trigger test_panne on notification`);
      await conn.execute(`drop function test_panne()`);
    }
    expect(Object.values(await statuts(t.orm, d.candidatureIds)).sort()).toEqual(['deposee', 'en_instruction']);
    expect(await compter(t.orm, 'select 1 from suspension where demandeur_id = ?', [d.demandeurId])).toBe(0);
    expect(await compter(t.orm, `select 1 from demande where id = ? and statut = 'complete'`, [d.demandeId])).toBe(1);
    expect(await compter(t.orm, 'select 1 from audit_event')).toBe(avant);
    // and the same request succeeds once the fault is gone
    expect((await suspendre({ demandeurId: d.demandeurId, type: 'incivilite', dureeMois: 6, motif: 'Menaces au téléphone' })).status).toBe(201);
  });

  it('R-SUSP: a second suspension while one runs is 409 DEJA_SUSPENDU; after it is lifted, the next one is a récidive', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const first = await suspendre({ demandeurId: d.demandeurId, type: 'incivilite', dureeMois: 6, motif: 'Insultes' });
    expect(first.status).toBe(201);
    const again = await suspendre({ demandeurId: d.demandeurId, type: 'fraude', dureeMois: 12, motif: 'Faux bulletin' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DEJA_SUSPENDU');
    const lever = await request(t.app).post(`/api/suspensions/${first.body.id}/lever`).set(bearer(tok.fraude)).send({ motif: 'Réclamation acceptée' });
    expect(lever.status).toBe(200);
    expect(lever.body).toMatchObject({ active: false, motifLevee: 'Réclamation acceptée', leveeParId: fraudeId });
    const apercu = await request(t.app).get('/api/suspensions/apercu').query({ demandeurId: d.demandeurId, dureeMois: 12 }).set(bearer(tok.fraude));
    expect(apercu.body).toMatchObject({ recidive: true, suspensionsAnterieures: 1, nombreCandidatures: 0, demande: null });
    const second = await suspendre({ demandeurId: d.demandeurId, type: 'fraude', dureeMois: 12, motif: 'Faux bulletin' });
    expect(second.status).toBe(201);
    expect(second.body.recidive).toBe(true);
  });
});

describe('POST /api/suspensions/:id/lever', () => {
  it('R-SUSP: lifted early by controle_fraude with a motif, audited and told; a second time is 409; others 403', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const s = await suspendre({ demandeurId: d.demandeurId, type: 'fraude', dureeMois: 60, motif: 'Identité d’emprunt' });
    const url = `/api/suspensions/${s.body.id}/lever`;
    expect((await request(t.app).post(url).set(bearer(tok.conseiller)).send({ motif: 'x' })).status).toBe(403);
    expect((await request(t.app).post(url).set(bearer(tok.fraude)).send({})).status).toBe(400);
    t.clock.advance(60_000);
    const ok = await request(t.app).post(url).set(bearer(tok.fraude)).send({ motif: 'Erreur de personne' });
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.leveeLe).toISOString()).toBe(t.clock.now().toISOString());
    const twice = await request(t.app).post(url).set(bearer(tok.fraude)).send({ motif: 'encore' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SUSPENSION_DEJA_LEVEE');
    expect(await compter(t.orm, `select 1 from audit_event where entite = 'suspension' and entite_id = ? and action = 'lever' and fraude`, [s.body.id])).toBe(1);
    expect(await compter(t.orm, `select 1 from notification where demandeur_id = ? and template = 'suspension_levee'`, [d.demandeurId])).toBe(1);
    expect((await request(t.app).post('/api/suspensions/999999999/lever').set(bearer(tok.fraude)).send({ motif: 'x' })).status).toBe(404);
    t.clock.advance(-60_000);
  });
});
