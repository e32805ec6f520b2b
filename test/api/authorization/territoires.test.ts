import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demande, demandeurActif, offre, piece, q } from '../portail/fixtures';

/**
 * The territory scope of demandeurs, demandes and justificatifs (shared/abilities.ts
 * `departementsCandidatures`: « tied to offers of their départements », domain.md roles table) is
 * read from the départements stored on the demande and the demandeur (issue #19). They must follow
 * every candidature written, in the same transaction: here the portal's candidater and a delete.
 */
const t = useTestApp();
let paris: string;

beforeAll(async () => {
  const a = await createAgent(t.orm, 'conseiller', ['75'], 'territoires');
  paris = await login(t.app, a.email, a.password);
});

describe('territory scope stored on the demande and the demandeur', () => {
  it('ROLES-TERRITOIRE: a candidature in another département makes the demandeur, the demande and its pieces visible there at once, and no longer once it is gone', async () => {
    const d = await demandeurActif(t.orm);
    const demandeId = await demande(t.orm, d.id);
    const pieceId = await piece(t.orm, demandeId, 'justificatif_domicile');
    const token = await connexion(t.app, d.email);
    const voit = async () => Promise.all([
      request(t.app).get(`/api/demandeurs/${d.id}`).set(bearer(paris)),
      request(t.app).get(`/api/demandes/${demandeId}`).set(bearer(paris)),
      request(t.app).get(`/api/justificatifs/${pieceId}`).set(bearer(paris)),
      request(t.app).get('/api/demandeurs').query({ filter: JSON.stringify({ id: [d.id] }) }).set(bearer(paris)),
    ]).then((rs) => [...rs.slice(0, 3).map((r) => r.status), rs[3].body.length]);

    const lyon = await request(t.app).post(`/api/portail/offres/${await offre(t.orm, t.clock.now(), { codeInsee: '69123' })}/candidater`).set(bearer(token)).send();
    expect(lyon.status, JSON.stringify(lyon.body)).toBe(201);
    expect(await voit()).toEqual([404, 404, 404, 0]);

    const r = await request(t.app).post(`/api/portail/offres/${await offre(t.orm, t.clock.now(), { codeInsee: '75056' })}/candidater`).set(bearer(token)).send();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await voit()).toEqual([200, 200, 200, 1]);
    const stockes = async () => (await q<{ a: string[]; b: string[] }>(t.orm,
      `select d.departements as a, dr.departements as b from demande d join demandeur dr on dr.id = d.demandeur_id where d.id = ?`, [demandeId]))[0];
    expect(await stockes()).toEqual({ a: ['69', '75'], b: ['69', '75'] });

    // No route deletes a candidature; the stored départements follow any write all the same.
    await q(t.orm, `delete from candidature where id = ?`, [r.body.id]);
    expect(await stockes()).toEqual({ a: ['69'], b: ['69'] });
    expect(await voit()).toEqual([404, 404, 404, 0]);
  });

  it('VOLUME-TERRITOIRE-PIECES: the pieces carry their demande\'s départements (list scope without the demande): existing ones follow a candidature, a new one takes them, and they leave with it', async () => {
    const d = await demandeurActif(t.orm);
    const demandeId = await demande(t.orm, d.id);
    const avant = await piece(t.orm, demandeId, 'justificatif_domicile');
    const token = await connexion(t.app, d.email);
    const liste = async () => (await request(t.app).get('/api/justificatifs')
      .query({ filter: JSON.stringify({ demandeId }), sort: JSON.stringify(['id', 'ASC']) }).set(bearer(paris))).body.map((j: { id: number }) => j.id);
    const stockes = async () => (await q<{ id: number; departements: string[] }>(t.orm,
      `select id, departements from justificatif where demande_id = ? order by id`, [demandeId])).map((j) => [j.id, j.departements]);
    expect(await liste()).toEqual([]);

    const r = await request(t.app).post(`/api/portail/offres/${await offre(t.orm, t.clock.now(), { codeInsee: '75056' })}/candidater`).set(bearer(token)).send();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const apres = await piece(t.orm, demandeId, 'attestation_employeur');
    const toutes = (await stockes()).map(([id]) => id);
    expect(toutes).toContain(avant);
    expect(toutes).toContain(apres);
    expect(await liste()).toEqual(toutes);
    expect(await stockes()).toEqual(toutes.map((id) => [id, ['75']]));

    await q(t.orm, `delete from candidature where id = ?`, [r.body.id]);
    expect(await stockes()).toEqual(toutes.map((id) => [id, []]));
    expect(await liste()).toEqual([]);
    expect((await request(t.app).get(`/api/justificatifs/${apres}`).set(bearer(paris))).status).toBe(404);
  });
});
