import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCandidatureTest, creerCommunes, creerDemandeurTest, creerOffreTest, jours } from './fixtures';

const t = useTestApp();
let manager: string;
const now = () => t.clock.now();
const sql = <T>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);
const post = (id: number, action: string, body: object = {}) => request(t.app).post(`/api/offres/${id}/${action}`).set(bearer(manager)).send(body);

beforeAll(async () => {
  await creerCommunes(t.orm);
  const m = await createAgent(t.orm, 'manager');
  manager = await login(t.app, m.email, m.password);
});

/** An offer with 3 open candidatures (deposee, en_instruction, transmise_bailleur), one final (non_retenue) and a pending proposition. */
async function offreAvecDossiers() {
  const { id } = await creerOffreTest(t.orm, now());
  const ouvertes: number[] = [];
  for (const statut of ['deposee', 'en_instruction', 'transmise_bailleur'] as const) {
    ouvertes.push(await creerCandidatureTest(t.orm, now(), await creerDemandeurTest(t.orm, now()), id, statut));
  }
  const finale = await creerCandidatureTest(t.orm, now(), await creerDemandeurTest(t.orm, now()), id, 'non_retenue');
  const d = await creerDemandeurTest(t.orm, now());
  const agentId = (await sql<{ id: number }>(`select id from agent order by id limit 1`))[0].id;
  const [p] = await sql<{ id: number }>(
    `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, envoyee_le, expire_le) values (?, ?, ?, '01', 'envoyee', ?, ?) returning id`,
    [id, d.demandeurId, agentId, now(), jours(now(), 10)],
  );
  return { id, ouvertes, finale, propositionId: p.id };
}

describe('reprise par le bailleur (R-PUB, R-CAND-FSM, §11.27)', () => {
  it('R-PUB: reprise closes every open candidature (cloturee) and tells each demandeur, in one transaction with audit events', async () => {
    const o = await offreAvecDossiers();
    const r = await post(o.id, 'reprise-bailleur', { motif: 'Le bailleur loue le logement à un agent de sa structure' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publiee: false, enLigne: false });
    expect(r.body.repriseLe).toBeTruthy();
    expect([...r.body.candidaturesCloturees].sort()).toEqual([...o.ouvertes].sort());
    expect(r.body.propositionsExpirees).toEqual([o.propositionId]);

    const statuts = await sql<{ id: number; statut: string; motif: string }>(`select id, statut, motif from candidature where offre_id = ? order by id`, [o.id]);
    for (const c of statuts) {
      if (c.id === o.finale) expect(c.statut).toBe('non_retenue');
      else expect(c).toMatchObject({ statut: 'cloturee', motif: expect.stringMatching(/^Offre reprise par le bailleur/) });
    }
    const notifs = await sql<{ entite_id: number; template: string; corps: string }>(
      `select entite_id, template, corps from notification where entite = 'candidature' and entite_id in (${o.ouvertes.join(',')})`,
    );
    expect(notifs).toHaveLength(3);
    for (const n of notifs) {
      expect(n.template).toBe('offre_reprise');
      expect(n.corps).toMatch(/reprendre le logement/);
    }
    const [pn] = await sql<{ template: string; corps: string }>(`select template, corps from notification where entite = 'proposition' and entite_id = ?`, [o.propositionId]);
    expect(pn.template).toBe('offre_reprise');
    expect(pn.corps).toMatch(/proposition .* n’est plus valable/);
    const [p] = await sql<{ statut: string }>(`select statut from proposition where id = ?`, [o.propositionId]);
    expect(p.statut).toBe('expiree');
    const audits = await sql<{ entite: string; action: string; vers: string }>(
      `select entite, action, vers from audit_event where (entite = 'offre' and entite_id = ?) or (entite = 'candidature' and entite_id in (${o.ouvertes.join(',')}))`,
      [o.id],
    );
    expect(audits.filter((a) => a.entite === 'candidature' && a.action === 'cloturer' && a.vers === 'cloturee')).toHaveLength(3);
    expect(audits.filter((a) => a.entite === 'offre' && a.action === 'reprise')).toHaveLength(1);
  });

  it('R-PUB: an offer taken back cannot be taken back, published or renewed again (409 OFFRE_RETIREE); a motif is required', async () => {
    const { id } = await creerOffreTest(t.orm, now());
    expect((await post(id, 'reprise-bailleur', { motif: '  ' })).body.code).toBe('MOTIF_REQUIS');
    expect((await post(id, 'reprise-bailleur', { motif: 'Reprise' })).status).toBe(200);
    for (const [action, body] of [['reprise-bailleur', { motif: 'encore' }], ['publier', {}], ['renouveler', { debutPublication: now().toISOString(), finPublication: jours(now(), 9).toISOString() }]] as const) {
      const r = await post(id, action, body);
      expect(r.status, action).toBe(409);
      expect(r.body.code).toBe('OFFRE_RETIREE');
    }
  });

  it('R-PUB: a refused reprise changes nothing (rollback)', async () => {
    const o = await offreAvecDossiers();
    await post(o.id, 'reprise-bailleur', { motif: 'Première' });
    const avant = await sql(`select count(*)::int as n from notification`);
    expect((await post(o.id, 'reprise-bailleur', { motif: 'Seconde' })).status).toBe(409);
    expect(await sql(`select count(*)::int as n from notification`)).toEqual(avant);
  });
});

describe('attribution directe par le bailleur (§12)', () => {
  it('§12: recorded on the offer (date, motif, audit), the offer closed, open candidatures cloturee with a notification', async () => {
    const o = await offreAvecDossiers();
    const future = await post(o.id, 'attribution-directe', { motif: 'Attribué à un ancien candidat', date: jours(now(), 2).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('DATE_FUTURE');
    const date = jours(now(), -3).toISOString();
    const r = await post(o.id, 'attribution-directe', { motif: 'Attribué à un ancien candidat', date });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publiee: false, enLigne: false, attributionDirecteMotif: 'Attribué à un ancien candidat' });
    expect(new Date(r.body.attributionDirecteLe).toISOString()).toBe(date);
    const c = await sql<{ statut: string }>(`select statut from candidature where id in (${o.ouvertes.join(',')})`);
    expect(c.every((x) => x.statut === 'cloturee')).toBe(true);
    const n = await sql<{ template: string }>(`select template from notification where entite = 'candidature' and entite_id in (${o.ouvertes.join(',')})`);
    expect(n.map((x) => x.template)).toEqual(['offre_attribuee_hors_plateforme', 'offre_attribuee_hors_plateforme', 'offre_attribuee_hors_plateforme']);
    const [a] = await sql<{ action: string; motif: string }>(`select action, motif from audit_event where entite = 'offre' and entite_id = ? and action = 'attribution_directe'`, [o.id]);
    expect(a.motif).toBe('Attribué à un ancien candidat');
    expect((await post(o.id, 'depublier', { motif: 'x' })).body.code).toBe('OFFRE_RETIREE');
  });
});
