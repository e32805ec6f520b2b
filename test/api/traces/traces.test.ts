import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appliquerConservation } from '@server/modules/conservation/appliquer';
import { LocalStorage } from '@server/storage/local';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { baseDediee, sql, type BaseDediee } from '../jobs/support';

const t = useTestApp();
let conseiller: { id: number; token: string };
let manager: string;
let fraude: string;
let admin: string;
let demandeurId: number;

beforeAll(async () => {
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password) };
  const m = await createAgent(t.orm, 'manager');
  manager = await login(t.app, m.email, m.password);
  const f = await createAgent(t.orm, 'controle_fraude');
  fraude = await login(t.app, f.email, f.password);
  const a = await createAgent(t.orm, 'admin');
  admin = await login(t.app, a.email, a.password);
  const [row] = await t.orm.em.fork().execute<{ id: number }[]>(`select demandeur_id as id from candidature where departement = '69' order by id limit 1`);
  demandeurId = row.id;
});

describe('traces of access (DATA-TRACES)', () => {
  it('DATA-TRACES: an agent reading a demandeur, or a list of demandes, leaves a trace (who, which record or filter, how many, from where); reading offers does not', async () => {
    const avant = new Date(t.clock.now().getTime() - 1000).toISOString();
    expect((await request(t.app).get(`/api/demandeurs/${demandeurId}`).set(bearer(conseiller.token))).status).toBe(200);
    const filtre = JSON.stringify({ statut: 'complete' });
    const liste = await request(t.app).get(`/api/demandes?filter=${encodeURIComponent(filtre)}&range=[0,9]`).set(bearer(conseiller.token));
    expect(liste.status).toBe(200);
    expect((await request(t.app).get('/api/offres?range=[0,4]').set(bearer(conseiller.token))).status).toBe(200);
    const traces = await t.orm.em.fork().execute<{ ressource: string; entite_id: number | null; filtre: Record<string, string> | null; nombre: number | null; ip: string | null }[]>(
      `select ressource, entite_id, filtre, nombre, ip from trace_acces where agent_id = ? order by id`,
      [conseiller.id],
    );
    expect(traces).toEqual([
      { ressource: 'demandeurs', entite_id: demandeurId, filtre: null, nombre: null, ip: expect.any(String) },
      { ressource: 'demandes', entite_id: null, filtre: { filter: filtre, range: '[0,9]' }, nombre: liste.body.length, ip: expect.any(String) },
    ]);

    // Managers and contrôle fraude search them.
    for (const token of [manager, fraude]) {
      const r = await request(t.app).get(`/api/traces-acces?agentId=${conseiller.id}&from=${encodeURIComponent(avant)}`).set(bearer(token));
      expect(r.status).toBe(200);
      expect(r.body.map((x: { ressource: string }) => x.ressource)).toEqual(['demandes', 'demandeurs']);
      expect(r.headers['content-range']).toBe('traces-acces 0-1/2');
    }
    const parDossier = await request(t.app).get(`/api/traces-acces?ressource=demandeurs&entiteId=${demandeurId}`).set(bearer(manager));
    expect(parDossier.body.some((x: { agentId: number }) => x.agentId === conseiller.id)).toBe(true);
  });

  it('DATA-TRACES: the domain views that show personal data are traced too: a dossier, its timeline and notes, a demande\'s timeline, an offer\'s classement (with its row count), an offer\'s correspondances', async () => {
    const c = await createAgent(t.orm, 'conseiller', ['69'], 'vues');
    const moi = { id: c.id, token: await login(t.app, c.email, c.password) };
    const [cand] = await t.orm.em.fork().execute<{ id: number; offre_id: number; demande_id: number }[]>(
      `select id, offre_id, demande_id from candidature where departement = '69' and statut in ('deposee', 'en_instruction') order by id limit 1`);
    const get = (u: string) => request(t.app).get(u).set(bearer(moi.token));
    expect((await get(`/api/candidatures/${cand.id}/dossier`)).status).toBe(200);
    expect((await get(`/api/candidatures/${cand.id}/timeline`)).status).toBe(200);
    expect((await get(`/api/candidatures/${cand.id}/notes`)).status).toBe(200);
    expect((await get(`/api/demandes/${cand.demande_id}/timeline`)).status).toBe(200);
    const classement = await get(`/api/offres/${cand.offre_id}/classement`);
    expect(classement.status).toBe(200);
    expect((await get(`/api/offres/${cand.offre_id}/correspondances`)).status).toBe(200);
    // A record outside the agent's scope answers 404 and is not traced as read.
    const [ailleurs] = await t.orm.em.fork().execute<{ id: number }[]>(`select id from candidature where departement <> '69' order by id limit 1`);
    expect((await get(`/api/candidatures/${ailleurs.id}/dossier`)).status).toBe(404);

    const traces = await t.orm.em.fork().execute<{ ressource: string; entite_id: number | null; nombre: number | null }[]>(
      `select ressource, entite_id, nombre from trace_acces where agent_id = ? order by id`, [moi.id]);
    expect(traces).toEqual([
      { ressource: 'dossier', entite_id: cand.id, nombre: null },
      { ressource: 'timeline-candidature', entite_id: cand.id, nombre: null },
      { ressource: 'notes-candidature', entite_id: cand.id, nombre: null },
      { ressource: 'timeline-demande', entite_id: cand.demande_id, nombre: null },
      { ressource: 'classement', entite_id: cand.offre_id, nombre: classement.body.length },
      { ressource: 'correspondances', entite_id: cand.offre_id, nombre: expect.any(Number) },
    ]);
    const r = await request(t.app).get(`/api/traces-acces?ressource=dossier&entiteId=${cand.id}`).set(bearer(manager));
    expect(r.body.map((x: { agentId: number }) => x.agentId)).toContain(moi.id);
  });

  it('DATA-TRACES: contrôle fraude\'s reads of fraud data (signalements, suspensions with their motive, pieces with their PDF metadata) are traced like any other read, besides their audit event', async () => {
    const f = await createAgent(t.orm, 'controle_fraude', [], 'lectures-fraude');
    const moi = { id: f.id, token: await login(t.app, f.email, f.password) };
    const em = t.orm.em.fork();
    // Its own demandeur, so that the rows added here change nothing another test of the shared base reads.
    const [d] = await em.execute<{ id: number }[]>(
      `insert into demandeur (civilite, nom, prenom, email, date_naissance, statut_compte, password_hash, created_at)
       values ('Mme', 'Trace', 'Fraude', ?, '1990-02-03', 'actif', 'x', now()) returning id`, [`traces.fraude.${process.pid}@exemple.fr`]);
    const [sig] = await em.execute<{ id: number }[]>(
      `insert into signalement (type, cle, score, preuves, demandeur_ids, statut, created_at, updated_at)
       values ('email_variante', ?, 50, '{}'::jsonb, ?::int[], 'nouveau', now(), now()) returning id`, [`traces-${process.pid}`, `{${d.id}}`]);
    const [sus] = await em.execute<{ id: number }[]>(
      `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id)
       values (?, 'incivilite', now() - interval '1 year', now() - interval '6 months', 6, 'propos injurieux', false, ?) returning id`, [d.id, moi.id]);
    const [jus] = await em.execute<{ id: number }[]>(`select id from justificatif order by id limit 1`);
    const get = (u: string) => request(t.app).get(u).set(bearer(moi.token));
    const liste = await get('/api/signalements?range=[0,4]');
    expect(liste.status).toBe(200);
    expect((await get(`/api/signalements/${sig.id}`)).status).toBe(200);
    expect((await get(`/api/suspensions/${sus.id}`)).status).toBe(200);
    expect((await get(`/api/justificatifs/${jus.id}`)).status).toBe(200);
    const traces = await em.execute<{ ressource: string; entite_id: number | null; nombre: number | null; ip: string | null }[]>(
      `select ressource, entite_id, nombre, ip from trace_acces where agent_id = ? order by id`, [moi.id]);
    expect(traces).toEqual([
      { ressource: 'signalements', entite_id: null, nombre: liste.body.length, ip: expect.any(String) },
      { ressource: 'signalements', entite_id: sig.id, nombre: null, ip: expect.any(String) },
      { ressource: 'suspensions', entite_id: sus.id, nombre: null, ip: expect.any(String) },
      { ressource: 'justificatifs', entite_id: jus.id, nombre: null, ip: expect.any(String) },
    ]);
    // Their audit events are still written (lecture_donnees_fraude).
    const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from audit_event where action = 'lecture_donnees_fraude' and acteur_id = ?`, [moi.id]);
    expect(n).toBe(4);
  });

  it('DATA-TRACES: conseillers and admins may not search them; a bad filter is a 400', async () => {
    expect((await request(t.app).get('/api/traces-acces').set(bearer(conseiller.token))).status).toBe(403);
    expect((await request(t.app).get('/api/traces-acces').set(bearer(admin))).status).toBe(403);
    const r = await request(t.app).get('/api/traces-acces?agentId=abc').set(bearer(manager));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
  });
});

describe('traces are kept 6 months (DATA-TRACES, DATA-RETENTION trace_acces)', () => {
  let db: BaseDediee;
  let dir: string;
  beforeAll(async () => {
    db = await baseDediee(inject('adminDatabaseUrl'), 'traces');
    dir = mkdtempSync(path.join(os.tmpdir(), 'als-traces-'));
  });
  afterAll(async () => {
    await db?.fermer();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('DATA-RETENTION: a trace is kept the day before its 6 months and purged on the day', async () => {
    const at = new Date('2026-01-31T08:00:00Z');
    await sql(db.orm, `insert into trace_acces (at, agent_id, ressource, entite_id) values (?, 1, 'demandeurs', 7)`, [at]);
    const storage = new LocalStorage(dir);
    const veille = await appliquerConservation(db.orm.em.fork(), new Date('2026-07-30T08:00:00Z'), { storage });
    expect(veille.tracesSupprimees).toBe(0);
    const jour = await appliquerConservation(db.orm.em.fork(), new Date('2026-07-31T08:00:00Z'), { storage });
    expect(jour.tracesSupprimees).toBe(1);
  });
});
