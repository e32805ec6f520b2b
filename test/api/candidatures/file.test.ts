import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

/**
 * Issue #15, the queue in rank order (UI-FILE): every row says its rank within its offer, its palier,
 * how many of its pieces wait to be checked and how many days it has waited; sorted by rang, the
 * queue goes offer by offer, the rank within each.
 */
const t = useTestApp();
let token: string;

beforeAll(async () => {
  t.clock.set(new Date('2026-11-20T10:00:00Z'));
  const a = await createAgent(t.orm, 'conseiller', ['69'], 'file');
  token = await login(t.app, a.email, a.password);
});

describe('the queue in rank order', () => {
  it('UI-FILE: rows carry rang, palier, pieces to check and days waiting; sorted by rang, offer by offer and the rank within', async () => {
    const [o1, o2] = [await creerOffre(t.orm), await creerOffre(t.orm)];
    const deuxADeposer = { identite: 'depose', ressources: 'depose', avis_imposition: 'valide', justificatif_domicile: 'valide' } as const;
    const d = [
      await creerDossier(t.orm, { offreId: o2, dateCandidature: new Date('2026-11-01T08:00:00Z') }),
      await creerDossier(t.orm, { offreId: o1, dateCandidature: new Date('2026-11-10T08:00:00Z'), pieces: deuxADeposer }),
      await creerDossier(t.orm, { offreId: o1, dateCandidature: new Date('2026-11-05T08:00:00Z') }),
      await creerDossier(t.orm, { offreId: o1, dateCandidature: new Date('2026-11-19T23:30:00Z'), statut: 'non_retenue' }),
    ];
    const r = await request(t.app).get('/api/candidatures')
      .query({ filter: JSON.stringify({ id: d.map((x) => x.candidatureId) }), sort: '["rang","ASC"]', range: '[0,9]' }).set(bearer(token));
    expect(r.status).toBe(200);
    const lignes = r.body as { id: number; offreId: number; rang: number | null; palier: number | null; piecesAVerifier: number | null; joursAttente: number | null }[];
    // Open ones first, offer by offer (o1 before o2: created first), the rank within; the closed one last, without rank.
    expect(lignes.map((l) => l.id)).toEqual([d[2].candidatureId, d[1].candidatureId, d[0].candidatureId, d[3].candidatureId]);
    expect(lignes.map((l) => [l.rang, l.piecesAVerifier, l.joursAttente])).toEqual([
      [1, 0, 15],
      [2, 2, 10],
      [1, 0, 19],
      [null, null, null],
    ]);
    expect(lignes.map((l) => l.palier)).toEqual([1, 1, 1, null]);
  });
});
