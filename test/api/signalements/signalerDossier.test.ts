/**
 * Issue #15: « Signaler au contrôle fraude » from the dossier page. Any agent who sees the
 * candidature may flag it with a motif; the signal is contrôle fraude's (R-FRAUD-VIS): its motif,
 * and the audit event, are hidden from others and from the demandeur.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let conseiller: { id: number; token: string };
let fraude: string;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => t.orm.em.fork().execute<T[]>(q, p);

beforeAll(async () => {
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'signaler');
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password) };
  const f = await createAgent(t.orm, 'controle_fraude', [], 'signaler');
  fraude = await login(t.app, f.email, f.password);
});

const signaler = (token: string, id: number, motif: unknown) =>
  request(t.app).post(`/api/candidatures/${id}/signaler-fraude`).set(bearer(token)).send({ motif });

describe('POST /api/candidatures/:id/signaler-fraude', () => {
  it('R-FRAUD-VIS: a conseiller flags a dossier with a motif → one signal for contrôle fraude (motif, agent, candidature as evidence), one fraud audit event; the conseiller does not read it', async () => {
    const [c] = await sql<{ id: number; demandeur_id: number; reference: string }>(
      `select id, demandeur_id, reference from candidature where departement = '69' order by id desc limit 1`);
    const motif = 'Bulletins de salaire identiques à ceux d’un autre dossier, même employeur.';
    const r = await signaler(conseiller.token, c.id, motif);
    expect(r.status).toBe(201);
    const id = r.body.signalementId as number;
    const vu = await request(t.app).get(`/api/signalements/${id}`).set(bearer(fraude));
    expect(vu.status).toBe(200);
    expect(vu.body).toMatchObject({ type: 'signalement_agent', statut: 'nouveau', demandeurIds: [c.demandeur_id] });
    expect(vu.body.preuves).toMatchObject({ motif, agentId: conseiller.id, candidatureId: c.id, candidatureReference: c.reference });
    expect((await request(t.app).get(`/api/signalements/${id}`).set(bearer(conseiller.token))).status).toBeGreaterThanOrEqual(403);
    const evenements = await sql<{ action: string; fraude: boolean }>(`select action, fraude from audit_event where entite = 'candidature' and entite_id = ? and action = 'signaler_fraude'`, [c.id]);
    expect(evenements).toEqual([{ action: 'signaler_fraude', fraude: true }]);

    // A second flag while the first is open → 409 DEJA_SIGNALE, nothing written; once concluded, a new one is possible.
    const encore = await signaler(conseiller.token, c.id, motif);
    expect(encore.status).toBe(409);
    expect(encore.body.code).toBe('DEJA_SIGNALE');
    await sql(`update signalement set statut = 'infirme' where id = ?`, [id]);
    expect((await signaler(conseiller.token, c.id, 'Nouvel élément : RIB modifié deux fois.')).status).toBe(201);
  });

  it('R-FRAUD-VIS: a short or missing motif → 400, another territory → 404; nothing written', async () => {
    const [c] = await sql<{ id: number }>(`select id from candidature where departement = '69' order by id limit 1`);
    const [ailleurs] = await sql<{ id: number }>(`select id from candidature where departement <> '69' order by id limit 1`);
    const [{ n: avant }] = await sql<{ n: number }>(`select count(*)::int as n from signalement where type = 'signalement_agent'`);
    expect((await signaler(conseiller.token, c.id, 'louche')).body.code).toBe('VALIDATION');
    expect((await signaler(conseiller.token, c.id, undefined)).status).toBe(400);
    expect((await signaler(conseiller.token, ailleurs.id, 'Un motif assez long pour passer.')).status).toBe(404);
    const [{ n: apres }] = await sql<{ n: number }>(`select count(*)::int as n from signalement where type = 'signalement_agent'`);
    expect(apres).toBe(avant);
  });

  it('R-FRAUD-VIS: 8 clicks at once from the same agent → one signal, the others 409', async () => {
    const [c] = await sql<{ id: number }>(`select id from candidature where departement = '69' order by id desc offset 3 limit 1`);
    const r = await Promise.all(Array.from({ length: 8 }, () => signaler(conseiller.token, c.id, 'Double clic sur le bouton de signalement.')));
    expect(r.map((x) => x.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });
});
