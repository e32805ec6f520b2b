import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
let token: string;
beforeAll(async () => {
  const x = await createAgent(t.orm, 'conseiller', ['69'], 'precond1');
  token = await login(t.app, x.email, x.password);
});
const dossier = async (id: number) => (await request(t.app).get(`/api/candidatures/${id}/dossier`).set(bearer(token))).body;
const designer = (id: number, body: object = {}) => request(t.app).post(`/api/candidatures/${id}/designer`).set(bearer(token)).send(body);
const nom = async (demandeurId: number) =>
  (await t.orm.em.fork().getConnection().execute<{ nom: string }[]>(`select prenom || ' ' || nom as nom from demandeur where id = ?`, [demandeurId]))[0].nom;

describe('ISSUE-15 « Désigner » preconditions before the click', () => {
  it('R-DESIGNATE: the dossier names the pieces to validate (type, titulaire) and the French reason, the same the POST refuses with', async () => {
    const d = await creerDossier(t.orm, { offreId: await creerOffre(t.orm), statut: 'en_instruction', pieces: { identite: 'depose', ressources: 'valide', avis_imposition: 'valide', justificatif_domicile: 'valide' } });
    const { designation } = await dossier(d.candidatureId);
    expect(designation).toMatchObject({ possible: false, piecesAValider: [{ type: 'identite', titulaire: 'demandeur' }], devancees: [], devanceesTotal: 0 });
    expect(designation.refus).toEqual([{ code: 'PIECES_NON_VALIDEES', raison: 'Pièces à valider avant la désignation : pièce d’identité (demandeur).' }]);
    const r = await designer(d.candidatureId);
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe(designation.refus[0].raison); // French words, no raw code
    expect(r.body.detail).not.toMatch(/identite|avis_imposition/);
  });

  it('R-DESIGNATE: names the better-ranked candidatures still waiting that a designation would skip (rank, name)', async () => {
    const offreId = await creerOffre(t.orm);
    const premier = await creerDossier(t.orm, { offreId, statut: 'en_instruction', dateCandidature: new Date('2026-09-01T08:00:00Z') });
    const deuxieme = await creerDossier(t.orm, { offreId, dateCandidature: new Date('2026-09-02T08:00:00Z') });
    const d = await creerDossier(t.orm, { offreId, statut: 'en_instruction', dateCandidature: new Date('2026-09-03T08:00:00Z') });
    const { designation } = await dossier(d.candidatureId);
    expect(designation.possible).toBe(true);
    expect(designation.devanceesTotal).toBe(2);
    expect(designation.devancees).toEqual([
      { rang: 1, candidatureId: premier.candidatureId, reference: expect.any(String), nom: await nom(premier.demandeurId) },
      { rang: 2, candidatureId: deuxieme.candidatureId, reference: expect.any(String), nom: await nom(deuxieme.demandeurId) },
    ]);
    // Rank 1 has nobody to skip; a deposee candidature cannot be designated: no preconditions at all.
    expect((await dossier(premier.candidatureId)).designation.devancees).toEqual([]);
    expect((await dossier(deuxieme.candidatureId)).designation).toBeNull();
  });
});
