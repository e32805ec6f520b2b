import request from 'supertest';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { maintenanceExports } from '@server/modules/exports/maintenance';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';

const t = useTestApp();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  for (const role of ['manager', 'conseiller', 'controle_fraude', 'admin'] as const) {
    const a = await createAgent(t.orm, role, role === 'conseiller' ? ['69'] : []);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});

describe('GET /api/statistiques', () => {
  it('R-STATS: managers only', async () => {
    for (const role of ['conseiller', 'controle_fraude', 'admin']) {
      expect((await request(t.app).get('/api/statistiques').set(bearer(tokens[role]))).status, role).toBe(403);
    }
    expect((await request(t.app).get('/api/statistiques')).status).toBe(401);
  });

  it('R-STATS: anonymised aggregates only — counts and durations, no name, no id; figures consistent with the data', async () => {
    const r = await request(t.app).get('/api/statistiques').query({ from: '2025-11-01', to: '2026-11-30' }).set(bearer(tokens.manager));
    expect(r.status).toBe(200);
    const s = r.body;
    const conn = t.orm.em.fork().getConnection();
    const [{ n }] = await conn.execute<{ n: number }[]>(`select count(*)::int as n from candidature`);
    expect(s.candidatures.total).toBe(n);
    expect(s.candidatures.parStatut.reduce((a: number, x: { n: number }) => a + x.n, 0)).toBe(n);
    expect(s.candidatures.parDepartement.reduce((a: number, x: { n: number }) => a + x.n, 0)).toBe(n);
    expect(s.candidatures.parNature.map((x: { nature: string }) => x.nature).sort()).toEqual(['classique', 'courte_duree']);
    expect(s.delaiDesignation.n).toBeGreaterThan(0);
    expect(s.delaiDesignation.medianeJours).toBeGreaterThan(0);
    expect(s.delaiDesignation.p90Jours).toBeGreaterThanOrEqual(s.delaiDesignation.medianeJours);
    expect(s.suspensionsParMois).toHaveLength(13);
    expect(s.suspensionsParMois[0]).toEqual({ mois: '2025-11', n: expect.any(Number) });
    expect(s.offres.sansCandidat).toBeLessThanOrEqual(s.offres.publiees);
    // No key that names or identifies anyone, and no demandeur's name anywhere in the answer.
    const texte = JSON.stringify(s);
    expect(texte).not.toMatch(/"(id|nom|prenom|email|reference|siret|demandeurId|candidatureId)"/);
    const noms = await conn.execute<{ nom: string }[]>(`select distinct nom from demandeur where length(nom) > 4 limit 200`);
    for (const { nom } of noms) expect(texte).not.toContain(`"${nom}"`);
  });

  it('R-STATS: in the per-entreprise breakdown a count under 5 is null with a flag', async () => {
    const conn = t.orm.em.fork().getConnection();
    // A contribution type with exactly 1 entreprise makes the count "1": withheld.
    const r = await request(t.app).get('/api/statistiques').set(bearer(tokens.manager));
    const ents = await conn.execute<{ contribution: string; n: number }[]>(`select contribution, count(*)::int as n from entreprise group by contribution`);
    for (const e of ents) {
      const ligne = r.body.parContribution.find((x: { contribution: string }) => x.contribution === e.contribution);
      expect(ligne.entreprises).toEqual(e.n < 5 && e.n > 0 ? { valeur: null, masque: true } : { valeur: e.n, masque: false });
    }
    for (const l of r.body.parContribution) {
      for (const k of ['entreprises', 'demandesActives', 'designations']) {
        const v = l[k];
        expect(v.masque ? v.valeur === null : v.valeur === 0 || v.valeur >= 5).toBe(true);
      }
    }
  });

  it('400 on a malformed period', async () => {
    const r = await request(t.app).get('/api/statistiques').query({ from: 'hier' }).set(bearer(tokens.manager));
    expect(r.status).toBe(400);
  });
});

describe('exports sweep (exports-maintenance job)', () => {
  it('re-sends exports left en_attente for more than a minute, marks interrupted ones echec', async () => {
    const conn = t.orm.em.fork().getConnection();
    const [{ id: agent }] = await conn.execute<{ id: number }[]>(`select id from agent where role = 'manager' order by id limit 1`);
    const now = t.clock.now();
    const ins = (statut: string, ilYa: number) =>
      conn.execute<{ id: number }[]>(`insert into export (kind, params, destinataire, statut, agent_id, created_at) values ('rapport_entreprise', '{}', 'x', ?, ?, ?) returning id`,
        [statut, agent, new Date(now.getTime() - ilYa)]).then((x) => x[0].id);
    const vieux = await ins('en_attente', 90_000);
    const recent = await ins('en_attente', 10_000);
    const bloque = await ins('en_cours', 3 * 3_600_000);
    const envoyer = vi.fn(async () => undefined);
    const r = await maintenanceExports(t.orm.em.fork(), now, t.storage, envoyer);
    const envoyes = envoyer.mock.calls.map((c) => (c as unknown[])[0]);
    expect(envoyes).toContain(vieux);
    expect(envoyes).not.toContain(recent);
    expect(r.interrompus).toBeGreaterThanOrEqual(1);
    const [{ statut }] = await conn.execute<{ statut: string }[]>(`select statut from export where id = ?`, [bloque]);
    expect(statut).toBe('echec');
  });
});
