import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRAUD_FIELDS } from '@shared/abilities';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { compter, demandeurAvecCandidatures } from './fixtures';

const t = useTestApp();
const tok = { fraude: '', conseiller: '', manager: '', admin: '' };
let suspendu = { demandeurId: 0, demandeId: 0, candidatureIds: [] as number[] };
let suspensionId = 0;
let fraudeId = 0;

const derniersAudits = (n: number) =>
  t.orm.em.fork().getConnection().execute<{ acteur_id: number; action: string; entite: string; entite_id: number | null; fraude: boolean; details: { ids: number[]; champs: string[] } }[]>(
    `select acteur_id, action, entite, entite_id, fraude, details from audit_event order by id desc limit ?`,
    [n],
  );

beforeAll(async () => {
  const f = await createAgent(t.orm, 'controle_fraude');
  fraudeId = f.id;
  tok.fraude = await login(t.app, f.email, f.password);
  for (const role of ['conseiller', 'manager', 'admin'] as const) {
    const a = await createAgent(t.orm, role, role === 'conseiller' ? ['69'] : []);
    tok[role] = await login(t.app, a.email, a.password);
  }
  suspendu = await demandeurAvecCandidatures(t.orm, ['deposee', 'en_instruction'], '69');
  const r = await request(t.app)
    .post('/api/suspensions')
    .set(bearer(tok.fraude))
    .send({ demandeurId: suspendu.demandeurId, type: 'fraude', dureeMois: 24, motif: 'Faux avis d’imposition, montage Photoshop' });
  suspensionId = r.body.id;
});

describe('R-FRAUD-VIS: who reads fraud data', () => {
  it('R-FRAUD-VIS: a conseiller reads the suspended demandeur with "suspendu jusqu’au" and its suspensions without any fraud field', async () => {
    const d = await request(t.app).get(`/api/demandeurs/${suspendu.demandeurId}`).set(bearer(tok.conseiller));
    expect(d.status).toBe(200);
    expect(new Date(d.body.suspenduJusquAu).toISOString()).toBe('2028-11-02T09:00:00.000Z');
    expect(JSON.stringify(d.body)).not.toMatch(/Photoshop|fraude/);

    const list = await request(t.app).get('/api/suspensions').query({ filter: JSON.stringify({ demandeurId: suspendu.demandeurId }) }).set(bearer(tok.conseiller));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const one = await request(t.app).get(`/api/suspensions/${suspensionId}`).set(bearer(tok.conseiller));
    for (const row of [list.body[0], one.body]) {
      for (const champ of FRAUD_FIELDS.suspensions!) expect(row).not.toHaveProperty(champ);
      expect(row).toMatchObject({ id: suspensionId, demandeurId: suspendu.demandeurId, dureeMois: 24, active: true });
      expect(JSON.stringify(row)).not.toMatch(/Photoshop|fraude/);
    }
    // no oracle through filters or sorts on fraud fields
    const filtre = await request(t.app).get('/api/suspensions').query({ filter: JSON.stringify({ type: 'fraude' }) }).set(bearer(tok.conseiller));
    expect(filtre.status).toBe(400);
    const tri = await request(t.app).get('/api/suspensions').query({ sort: JSON.stringify(['recidive', 'ASC']) }).set(bearer(tok.conseiller));
    expect(tri.status).toBe(400);
  });

  it('R-FRAUD-VIS: the candidatures closed by the suspension carry no motive a conseiller could read', async () => {
    const r = await request(t.app).get(`/api/candidatures/${suspendu.candidatureIds[0]}`).set(bearer(tok.conseiller));
    expect(r.status).toBe(200);
    expect(r.body.statut).toBe('cloturee');
    expect(JSON.stringify(r.body)).not.toMatch(/Photoshop|fraude/i);
  });

  it('R-FRAUD-VIS: a manager reads suspensions without fraud fields and gets 403 on signalements', async () => {
    const one = await request(t.app).get(`/api/suspensions/${suspensionId}`).set(bearer(tok.manager));
    expect(one.status).toBe(200);
    for (const champ of FRAUD_FIELDS.suspensions!) expect(one.body).not.toHaveProperty(champ);
    for (const token of [tok.manager, tok.conseiller, tok.admin]) {
      expect((await request(t.app).get('/api/signalements').set(bearer(token))).status).toBe(403);
      expect((await request(t.app).get('/api/signalements/1').set(bearer(token))).status).toBe(403);
      expect((await request(t.app).post('/api/signalements/analyser').set(bearer(token))).status).toBe(403);
    }
  });

  it('R-FRAUD-VIS: reads by others write no fraud audit event', async () => {
    const avant = await compter(t.orm, `select 1 from audit_event where action = 'lecture_donnees_fraude'`);
    await request(t.app).get('/api/suspensions').set(bearer(tok.conseiller));
    await request(t.app).get(`/api/suspensions/${suspensionId}`).set(bearer(tok.manager));
    await request(t.app).get('/api/justificatifs').set(bearer(tok.conseiller));
    expect(await compter(t.orm, `select 1 from audit_event where action = 'lecture_donnees_fraude'`)).toBe(avant);
  });

  it('R-FRAUD-VIS: controle_fraude reads the motive; each read writes ONE audit event (fraude) listing the ids read', async () => {
    const one = await request(t.app).get(`/api/suspensions/${suspensionId}`).set(bearer(tok.fraude));
    expect(one.body).toMatchObject({ type: 'fraude', motif: 'Faux avis d’imposition, montage Photoshop', recidive: false, creeParId: fraudeId });
    const [a] = await derniersAudits(1);
    expect(a).toMatchObject({ acteur_id: fraudeId, action: 'lecture_donnees_fraude', entite: 'suspension', entite_id: suspensionId, fraude: true });
    expect(a.details.ids).toEqual([suspensionId]);
    expect(a.details.champs).toContain('motif');

    const avant = await compter(t.orm, 'select 1 from audit_event');
    const list = await request(t.app).get('/api/suspensions').query({ range: '[0,49]' }).set(bearer(tok.fraude));
    expect(list.body.length).toBeGreaterThan(5);
    expect(list.headers['content-range']).toMatch(/^suspensions 0-\d+\/\d+$/);
    expect(await compter(t.orm, 'select 1 from audit_event')).toBe(avant + 1);
    const [l] = await derniersAudits(1);
    expect(l.entite_id).toBeNull();
    expect(l.details.ids).toEqual(list.body.map((s: { id: number }) => s.id));
  });

  it('R-FRAUD-VIS: justificatif metadata is read by controle_fraude only, and audited once per request', async () => {
    const conn = t.orm.em.fork().getConnection();
    const [j] = await conn.execute<{ id: number }[]>(`select id from justificatif where metadonnees_pdf is not null order by id limit 1`);
    const conseiller = await request(t.app).get('/api/justificatifs').query({ filter: JSON.stringify({ id: [j.id] }) }).set(bearer(tok.manager));
    expect(conseiller.body[0]).not.toHaveProperty('metadonneesPdf');
    expect(conseiller.body[0]).not.toHaveProperty('motifFalsification');
    const avant = await compter(t.orm, 'select 1 from audit_event');
    const fraude = await request(t.app).get(`/api/justificatifs/${j.id}`).set(bearer(tok.fraude));
    expect(fraude.body.metadonneesPdf).toHaveProperty('producer');
    const list = await request(t.app).get('/api/justificatifs').query({ range: '[0,19]' }).set(bearer(tok.fraude));
    expect(list.body).toHaveLength(20);
    expect(await compter(t.orm, 'select 1 from audit_event')).toBe(avant + 2);
    const [l, o] = await derniersAudits(2);
    expect(o).toMatchObject({ entite: 'justificatif', entite_id: j.id, fraude: true });
    expect(l.details.ids).toHaveLength(20);
  });
});

describe('register filters', () => {
  it('R-SUSP: suspensions in force or not (anyone), récidive (controle_fraude only); signals naming an account', async () => {
    const actives = await request(t.app).get('/api/suspensions').query({ filter: JSON.stringify({ active: 'true' }), range: '[0,99]' }).set(bearer(tok.fraude));
    expect(actives.status).toBe(200);
    expect(actives.body.length).toBeGreaterThan(0);
    expect(actives.body.every((s: { active: boolean }) => s.active)).toBe(true);
    const finies = await request(t.app).get('/api/suspensions').query({ filter: JSON.stringify({ active: 'false' }), range: '[0,99]' }).set(bearer(tok.manager));
    expect(finies.body.every((s: { active: boolean }) => !s.active)).toBe(true);
    expect((await request(t.app).get('/api/suspensions').query({ filter: JSON.stringify({ recidive: true }) }).set(bearer(tok.fraude))).status).toBe(200);
    expect((await request(t.app).get('/api/suspensions').query({ filter: JSON.stringify({ recidive: true }) }).set(bearer(tok.manager))).status).toBe(400);
    const [{ id }] = await t.orm.em.fork().getConnection().execute<{ id: number }[]>(
      `insert into signalement (type, cle, score, preuves, demandeur_ids) values ('telephone_partage', ?, 40, '{}', ?::int[]) returning id`,
      [`visibilite-${process.pid}`, `{${suspendu.demandeurId},1}`],
    );
    const sig = await request(t.app).get('/api/signalements').query({ filter: JSON.stringify({ demandeurId: suspendu.demandeurId }) }).set(bearer(tok.fraude));
    expect(sig.body.map((x: { id: number }) => x.id)).toEqual([id]);
    expect((await request(t.app).get('/api/signalements').query({ filter: JSON.stringify({ demandeurId: 'x' }) }).set(bearer(tok.fraude))).status).toBe(400);
  });
});

describe('POST /api/demandes/:id/lever-controle-renforce', () => {
  it('R-SUSP: an agent clears contrôle renforcé with a motif (conseiller in territory, controle_fraude); else 404, 403 or 409', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee'], '69');
    const ailleurs = await demandeurAvecCandidatures(t.orm, ['deposee'], '33');
    const conn = t.orm.em.fork().getConnection();
    await conn.execute(`update demande set controle_renforce = true where id in (?, ?)`, [d.demandeId, ailleurs.demandeId]);
    const url = (id: number) => `/api/demandes/${id}/lever-controle-renforce`;
    expect((await request(t.app).post(url(d.demandeId)).set(bearer(tok.manager)).send({ motif: 'ok' })).status).toBe(403);
    expect((await request(t.app).post(url(ailleurs.demandeId)).set(bearer(tok.conseiller)).send({ motif: 'ok' })).status).toBe(404);
    expect((await request(t.app).post(url(d.demandeId)).set(bearer(tok.conseiller)).send({})).status).toBe(400);
    const ok = await request(t.app).post(url(d.demandeId)).set(bearer(tok.conseiller)).send({ motif: 'Pièces vérifiées auprès de l’employeur' });
    expect(ok.status).toBe(200);
    expect(ok.body.controleRenforce).toBe(false);
    const again = await request(t.app).post(url(d.demandeId)).set(bearer(tok.conseiller)).send({ motif: 'encore' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONTROLE_RENFORCE_ABSENT');
    expect((await request(t.app).post(url(ailleurs.demandeId)).set(bearer(tok.fraude)).send({ motif: 'Contrôle fait' })).status).toBe(200);
    expect(await compter(t.orm, `select 1 from audit_event where action = 'lever_controle_renforce' and entite_id in (?, ?)`, [d.demandeId, ailleurs.demandeId])).toBe(2);
  });
});
