import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { compter, demandeurAvecCandidatures } from '@test/api/suspensions/fixtures';

const t = useTestApp();
const tok = { fraude: '', conseiller: '', manager: '' };
let fraudeId = 0;
const conn = () => t.orm.em.fork().getConnection();

beforeAll(async () => {
  const f = await createAgent(t.orm, 'controle_fraude');
  fraudeId = f.id;
  tok.fraude = await login(t.app, f.email, f.password);
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  tok.conseiller = await login(t.app, c.email, c.password);
  const m = await createAgent(t.orm, 'manager');
  tok.manager = await login(t.app, m.email, m.password);
});

const piece = async (demandeId: number, type: string) =>
  (await conn().execute<{ id: number }[]>(`select id from justificatif where demande_id = ? and type = ?`, [demandeId, type]))[0].id;
const palier = async (candidatureId: number) => (await conn().execute<{ palier: number }[]>(`select palier from candidature where id = ?`, [candidatureId]))[0].palier;
const marquer = (id: number, body: object, token = tok.fraude) => request(t.app).post(`/api/justificatifs/${id}/marquer-falsifie`).set(bearer(token)).send(body);

describe('POST /api/justificatifs/:id/marquer-falsifie', () => {
  it('R-SUSP (§10.9): controle_fraude marks a piece falsifié with a motive (fraud data, audited) and the ranking is refreshed', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const id = await piece(d.demandeId, 'avis_imposition');
    const avant = await palier(d.candidatureIds[0]);
    const r = await marquer(id, { motif: 'Montants retouchés (Photoshop)' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ statut: 'falsifie', motifFalsification: 'Montants retouchés (Photoshop)', verifieParId: fraudeId });
    expect(await palier(d.candidatureIds[0])).toBeGreaterThan(avant); // a falsified socle no longer counts as deposited
    expect(await compter(t.orm, `select 1 from audit_event where action = 'marquer_falsifie' and entite_id = ? and fraude and motif like 'Montants%'`, [id])).toBe(1);
    const autre = await request(t.app).get(`/api/justificatifs/${id}`).set(bearer(tok.manager));
    expect(autre.body.statut).toBe('falsifie');
    expect(autre.body).not.toHaveProperty('motifFalsification');
    const again = await marquer(id, { motif: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRANSITION_INTERDITE');
  });

  it('R-FRAUD-VIS: only controle_fraude marks a piece falsifié (403); a motif is required (400); unknown is 404; nothing changes', async () => {
    const d = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const id = await piece(d.demandeId, 'ressources');
    for (const token of [tok.conseiller, tok.manager]) expect((await marquer(id, { motif: 'x' }, token)).status).toBe(403);
    expect((await marquer(id, {})).status).toBe(400);
    expect((await marquer(999_999_999, { motif: 'x' })).status).toBe(404);
    expect(await compter(t.orm, `select 1 from justificatif where id = ? and statut = 'valide'`, [id])).toBe(1);
  });
});
