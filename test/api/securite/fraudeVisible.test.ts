import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDemandeurTest } from '@test/api/offres/fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
const sql = <T>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);
const get = (who: string, url: string) => request(t.app).get(url).set(bearer(tokens[who]));
const filtre = (f: object) => `/api/demandes?filter=${encodeURIComponent(JSON.stringify(f))}&range=[0,999]`;

beforeAll(async () => {
  for (const role of ['manager', 'admin', 'controle_fraude'] as const) {
    const a = await createAgent(t.orm, role, []);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});

/** A demande closed by a suspension for fraud, as suspensions/cloture.ts leaves it: the row and its closure event. */
async function closeParFraude(motif: 'fraude' | 'incivilite') {
  const { demandeId } = await creerDemandeurTest(t.orm, t.clock.now());
  await sql(`update demande set statut = 'cloturee', motif_cloture = ?, cloture_le = now() where id = ?`, [motif, demandeId]);
  await sql(`insert into audit_event (at, acteur_type, action, entite, entite_id, de, vers, motif) values (now(), 'systeme', 'cloturer', 'demande', ?, 'complete', 'cloturee', ?)`, [demandeId, motif]);
  return demandeId;
}

describe('R-FRAUD-VIS: the category of a suspension that closed a demande is fraud data', () => {
  it('a manager reads « suspension », never fraude or incivilite, in the row, the list and the timeline; filtering on the category is refused', async () => {
    const fraude = await closeParFraude('fraude');
    const incivilite = await closeParFraude('incivilite');
    for (const id of [fraude, incivilite]) {
      const r = await get('manager', `/api/demandes/${id}`);
      expect(r.status).toBe(200);
      expect(r.body.motifCloture).toBe('suspension');
      const tl = await get('manager', `/api/demandes/${id}/timeline`);
      expect(tl.status).toBe(200);
      expect(JSON.stringify(tl.body)).not.toMatch(/fraude|incivilit/);
      expect(tl.body.find((e: { action: string }) => e.action === 'cloturer').motif).toBe('suspension');
    }
    for (const motif of ['fraude', 'incivilite']) {
      const r = await get('manager', filtre({ motifCloture: motif }));
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const s = await get('manager', filtre({ motifCloture: 'suspension' }));
    expect(s.status).toBe(200);
    const lignes = s.body.filter((d: { id: number }) => [fraude, incivilite].includes(d.id));
    expect(lignes.map((d: { motifCloture: string }) => d.motifCloture)).toEqual(['suspension', 'suspension']);
  });

  it('the admin’s audit log shows the closure event without the category; fraud control reads it in the timeline', async () => {
    const id = await closeParFraude('fraude');
    const a = await get('admin', `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entite: 'demande', entiteId: id }))}`);
    expect(a.status).toBe(200);
    expect(a.body.map((e: { motif: string }) => e.motif)).toEqual(['suspension']);
    const tl = await get('controle_fraude', `/api/demandes/${id}/timeline`);
    expect(tl.body.find((e: { action: string }) => e.action === 'cloturer').motif).toBe('fraude');
  });
});
