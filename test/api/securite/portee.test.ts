import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDemandeurTest, creerOffreTest } from '@test/api/offres/fixtures';

/**
 * Offers and demandeurs in Corsica (2A, 2B), far from the seed's territories and from the other
 * tests' communes (01): nobody else's matching meets them.
 */
const t = useTestApp();
const tokens: Record<string, string> = {};
const now = () => t.clock.now();
const sql = <T>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);
const AJACCIO = { codeInsee: '2A004', nom: 'Ajaccio', codePostal: '20000', departement: '2A', lat: 41.9192, lon: 8.7386 };
const CORTE = { codeInsee: '2B096', nom: 'Corte', codePostal: '20250', departement: '2B', lat: 42.3061, lon: 9.1497 };

beforeAll(async () => {
  for (const c of [AJACCIO, CORTE]) {
    await sql(`insert into commune (code_insee, nom, code_postal, departement, latitude, longitude) values (?, ?, ?, ?, ?, ?) on conflict do nothing`, [c.codeInsee, c.nom, c.codePostal, c.departement, c.lat, c.lon]);
  }
  for (const [role, terr] of [['conseiller', ['2A']], ['controle_fraude', []]] as const) {
    const a = await createAgent(t.orm, role, [...terr]);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});

async function offreAjaccio() {
  const o = await creerOffreTest(t.orm, now(), { publiee: false, debut: null, fin: null });
  await sql(`update offre set code_insee = ?, commune = ?, code_postal = ?, departement = '2A' where id = ?`, [AJACCIO.codeInsee, AJACCIO.nom, AJACCIO.codePostal, o.id]);
  return o.id;
}
/** A demandeur searching around one commune; `revenu` above every plafond makes it « NON_ELIGIBLE » with its income in the reason. */
async function demandeurCherchant(c: typeof AJACCIO, rayonKm: number, revenu = 25000) {
  const d = await creerDemandeurTest(t.orm, now(), { revenu });
  await sql(`update demande set secteurs_recherche = ?::jsonb where id = ?`, [JSON.stringify([{ codeInsee: c.codeInsee, commune: c.nom, rayonKm }]), d.demandeId]);
  return d.demandeurId;
}

describe('SEC-PORTEE: matching and propositions reach only the demandeurs in the caller’s scope', () => {
  it('POST /api/propositions: a demandeur outside the conseiller’s scope is answered like an unknown id (no reason, nothing created)', async () => {
    const offre = await offreAjaccio();
    const dedans = await demandeurCherchant(AJACCIO, 10);
    const dehors = await demandeurCherchant(CORTE, 80, 95_000); // searches in 2B only, no candidature in 2A
    const r = await request(t.app).post('/api/propositions').set(bearer(tokens.conseiller)).send({ offreId: offre, demandeurIds: [dedans, dehors, 987654321] });
    expect(r.status).toBe(201);
    expect(r.body.envoyees.map((e: { demandeurId: number }) => e.demandeurId)).toEqual([dedans]);
    const inconnu = { code: 'DEMANDEUR_INCONNU', raison: 'Ce demandeur est introuvable.' };
    expect(r.body.refusees).toEqual([{ demandeurId: dehors, ...inconnu }, { demandeurId: 987654321, ...inconnu }]);
    expect(JSON.stringify(r.body)).not.toMatch(/revenu|plafond|95/i);
    expect(await sql(`select id from proposition where demandeur_id = ?`, [dehors])).toEqual([]);
    expect(await sql(`select id from notification where demandeur_id = ? and template = 'proposition_recue'`, [dehors])).toEqual([]);
    // Fraud control reaches every territory: the same demandeur is judged on the rules.
    const f = await request(t.app).post('/api/propositions').set(bearer(tokens.controle_fraude)).send({ offreId: offre, demandeurIds: [dehors] });
    expect(f.body.refusees).toEqual([expect.objectContaining({ demandeurId: dehors, code: 'NON_ELIGIBLE' })]);
  });

  it('GET /api/offres/:id/correspondances: only the demandeurs the caller may reach are listed, even as left out', async () => {
    const offre = await offreAjaccio();
    const dedans = await demandeurCherchant(AJACCIO, 10);
    const dehors = await demandeurCherchant(CORTE, 80);
    const dehorsNonEligible = await demandeurCherchant(CORTE, 80, 95_000);
    const ids = (b: { correspondances: { demandeurId: number }[]; ecartes: { demandeurId: number }[] }) => [...b.correspondances, ...b.ecartes].map((x) => x.demandeurId);
    const c = await request(t.app).get(`/api/offres/${offre}/correspondances`).set(bearer(tokens.conseiller));
    expect(c.status).toBe(200);
    expect(ids(c.body)).toContain(dedans);
    expect(ids(c.body)).not.toContain(dehors);
    expect(ids(c.body)).not.toContain(dehorsNonEligible);
    expect(c.body.total).toBe(ids(c.body).length);
    const f = await request(t.app).get(`/api/offres/${offre}/correspondances`).set(bearer(tokens.controle_fraude));
    expect(ids(f.body)).toEqual(expect.arrayContaining([dedans, dehors, dehorsNonEligible]));
  });
});
