import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demande, demandeurActif, offre, q } from './fixtures';

const t = useTestApp();

describe('DELETE /api/portail/compte (§4.2)', () => {
  it('§4.2: closes the demande (fermeture_compte) and its open candidatures (cloturee), expires propositions, revokes sessions; audit and notification', async () => {
    const a = await demandeurActif(t.orm);
    const demandeId = await demande(t.orm, a.id);
    const token = await connexion(t.app, a.email);
    const autreSession = await connexion(t.app, a.email);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await request(t.app).post(`/api/portail/offres/${await offre(t.orm, t.clock.now())}/candidater`).set(bearer(token));
      ids.push(r.body.id);
    }
    await q(t.orm, `update candidature set statut = 'en_instruction' where id = ?`, [ids[1]]);
    await q(t.orm, `update candidature set statut = 'annulee' where id = ?`, [ids[2]]);
    const agent = await createAgent(t.orm, 'conseiller', ['69']);
    const [p] = await q<{ id: number }>(
      t.orm,
      `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, envoyee_le, expire_le) values (?, ?, ?, '69', 'envoyee', now(), now() + interval '8 days') returning id`,
      [await offre(t.orm, t.clock.now()), a.id, agent.id],
    );

    const r = await request(t.app).delete('/api/portail/compte').set(bearer(token));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statutCompte: 'ferme', demandesCloturees: 1, candidaturesCloturees: 2, propositionsExpirees: 1 });

    const [d] = await q<{ statut: string; motif_cloture: string }>(t.orm, `select statut, motif_cloture from demande where id = ?`, [demandeId]);
    expect(d).toEqual({ statut: 'cloturee', motif_cloture: 'fermeture_compte' });
    const cs = await q<{ id: number; statut: string }>(t.orm, `select id, statut from candidature where id in (?, ?, ?) order by id`, ids);
    expect(cs.map((c) => c.statut)).toEqual(['cloturee', 'cloturee', 'annulee']);
    expect((await q<{ statut: string }>(t.orm, `select statut from proposition where id = ?`, [p.id]))[0].statut).toBe('expiree');
    const [u] = await q<{ statut_compte: string }>(t.orm, `select statut_compte from demandeur where id = ?`, [a.id]);
    expect(u.statut_compte).toBe('ferme');
    expect((await request(t.app).get('/api/portail/demande').set(bearer(autreSession))).status).toBe(401);
    expect((await request(t.app).post('/api/portail/connexion').send({ email: a.email, motDePasse: a.password })).status).toBe(401);
    const evs = await q<{ entite: string; action: string }>(
      t.orm,
      `select entite, action from audit_event where (entite = 'demandeur' and entite_id = ?) or (entite = 'demande' and entite_id = ?) or (entite = 'candidature' and entite_id in (?, ?) and action = 'cloturer') order by id`,
      [a.id, demandeId, ids[0], ids[1]],
    );
    expect(evs.filter((e) => e.action === 'cloturer')).toHaveLength(3);
    expect(evs.some((e) => e.entite === 'demandeur' && e.action === 'compte_ferme')).toBe(true);
    const [n] = await q<{ corps: string }>(t.orm, `select corps from notification where demandeur_id = ? and template = 'compte_ferme'`, [a.id]);
    expect(n.corps).toMatch(/Candidatures clôturées/);
  });

  it('§6.2: closing works without accepting a new CGU version', async () => {
    const a = await demandeurActif(t.orm, { cgu: '2001-01' });
    const token = await connexion(t.app, a.email);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token))).body.code).toBe('CGU_A_ACCEPTER');
    expect((await request(t.app).delete('/api/portail/compte').set(bearer(token))).status).toBe(200);
  });
});
