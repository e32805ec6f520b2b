import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { ROUNDS, rondes, candidatureOuverte, compter, demandeurConnecte, q, rafale, remettreAZero, unSeulGagnant, useDeuxApps, type Demandeur, offres as offresDe, ouvertes as ouvertesDe } from './support';

const t = useDeuxApps();
const JOUR = 86_400_000;


const offres = (n: number, o: Parameters<typeof offresDe>[2] = {}) => offresDe(t, n, o);
const ouvertes = (d: Demandeur) => ouvertesDe(t, d);

describe('portal self-cancel, answer to a proposition, account closure under concurrency (two replicas, 25 rounds)', () => {
  it('R-CANCEL-SELF: 12 concurrent self-cancels of one deposee candidature → one 200, 11 × 409 TRANSITION_INTERDITE, one audit event', async () => {
    const d = await demandeurConnecte(t);
    const [cible] = await offres(1);
    await rondes(ROUNDS, async (round) => {
      await remettreAZero(t, d);
      const id = await candidatureOuverte(t, d, cible);
      const rs = await rafale(t, 12, (app) => request(app).post(`/api/portail/candidatures/${id}/annuler`).set(bearer(d.token)).send({}));
      unSeulGagnant(rs, 'TRANSITION_INTERDITE');
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'candidature' and entite_id = ? and action = 'annuler'`, [id])).toBe(1);
    });
  });

  it('R-LIMIT: 12 concurrent answers to one proposition (accept and decline mixed) → one 2xx, 11 × 409 PROPOSITION_CLOSE; at most one candidature', async () => {
    const d = await demandeurConnecte(t);
    const a = await createAgent(t.orm, 'conseiller', ['69'], 'course-proposeur');
    const [cible] = await offres(1);
    await rondes(ROUNDS, async (round) => {
      await remettreAZero(t, d);
      const [p] = await q<{ id: number }>(
        t.orm,
        `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, envoyee_le, expire_le) values (?, ?, ?, '69', 'envoyee', ?, ?) returning id`,
        [cible, d.id, a.id, t.clock.now(), new Date(t.clock.now().getTime() + 10 * JOUR)],
      );
      const rs = await rafale(t, 12, (app, i) =>
        request(app).post(`/api/portail/propositions/${p.id}/${i % 3 === 2 ? 'refuser' : 'accepter'}`).set(bearer(d.token)).send({}),
      );
      const ok = rs.filter((r) => r.status < 300);
      expect(ok, rs.map((r) => r.status).join(',')).toHaveLength(1);
      unSeulGagnant(rs, 'PROPOSITION_CLOSE', ok[0].status);
      const [apres] = await q<{ statut: string; candidature_id: number | null }>(t.orm, `select statut, candidature_id from proposition where id = ?`, [p.id]);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'proposition' and entite_id = ? and action in ('accepter', 'refuser')`, [p.id])).toBe(1);
      expect(await ouvertes(d)).toBe(apres.statut === 'acceptee' ? 1 : 0);
      if (apres.statut === 'acceptee') expect(apres.candidature_id).toBe(ok[0].body.candidature.id);
    });
  });

  it('R-ACCOUNT: 12 concurrent closures of one account → one 200, the others 409 COMPTE_DEJA_FERME (or 401 once the session is revoked), one audit event and one mail', async () => {
    const [cible] = await offres(1);
    await rondes(ROUNDS, async (round) => {
      const d = await demandeurConnecte(t);
      await candidatureOuverte(t, d, cible);
      const rs = await rafale(t, 12, (app) => request(app).delete('/api/portail/compte').set(bearer(d.token)));
      // A loser that arrives after the winner's commit finds its session revoked (401); one in flight waits on the lock (409).
      expect(rs.filter((r) => r.status === 200), rs.map((r) => r.status).join(',')).toHaveLength(1);
      for (const r of rs.filter((x) => x.status !== 200)) expect([`409 COMPTE_DEJA_FERME`, '401 NON_AUTHENTIFIE']).toContain(`${r.status} ${r.body.code}`);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'demandeur' and entite_id = ? and action = 'compte_ferme'`, [d.id])).toBe(1);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'demande' and entite_id = ? and action = 'cloturer'`, [d.demandeId])).toBe(1);
      expect(await compter(t.orm, `select 1 from notification where demandeur_id = ? and template = 'compte_ferme'`, [d.id])).toBe(1);
    });
  });
});
