import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, login } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { offre, programme } from '@test/api/portail/fixtures';
import { ROUNDS, rondes, candidatureOuverte, compter, demandeurConnecte, rafale, remettreAZero, unSeulGagnant, useDeuxApps, type Demandeur, offres as offresDe, ouvertes as ouvertesDe } from './support';

const t = useDeuxApps();


const candidater = (app: Parameters<typeof request>[0], d: Demandeur, offreId: number) =>
  request(app).post(`/api/portail/offres/${offreId}/candidater`).set(bearer(d.token)).send({});

const offres = (n: number, o: Parameters<typeof offresDe>[2] = {}) => offresDe(t, n, o);
const ouvertes = (d: Demandeur) => ouvertesDe(t, d);

describe('portal apply under concurrency (two replicas, 25 rounds)', () => {
  it('R-LIMIT-CL: 4 open classique candidatures, 10 concurrent applies to 10 other classique offers → one 201, 9 × 409 LIMITE_CLASSIQUE, never more than 5 open', async () => {
    const d = await demandeurConnecte(t);
    const remplissage = await offres(4);
    const cibles = await offres(10);
    await rondes(ROUNDS, async (round) => {
      await remettreAZero(t, d);
      for (const o of remplissage) await candidatureOuverte(t, d, o);
      const avant = await compter(t.orm, `select 1 from audit_event where action = 'candidater' and acteur_id = ? and acteur_type = 'demandeur'`, [d.id]);
      const rs = await rafale(t, cibles.length, (app, i) => candidater(app, d, cibles[i]));
      unSeulGagnant(rs, 'LIMITE_CLASSIQUE', 201);
      expect(await ouvertes(d)).toBe(5);
      expect(await compter(t.orm, `select 1 from audit_event where action = 'candidater' and acteur_id = ? and acteur_type = 'demandeur'`, [d.id])).toBe(avant + 1);
    });
  });

  it('R-LIMIT-PROG: 10 concurrent applies to 10 classique offers of one programme with the same typologie → one 201, 9 × 409 LIMITE_PROGRAMME', async () => {
    const d = await demandeurConnecte(t);
    const prog = await programme(t.orm);
    const cibles = await offres(10, { programmeId: prog.id, typologie: 'T2' });
    await rondes(ROUNDS, async (round) => {
      await remettreAZero(t, d);
      const rs = await rafale(t, cibles.length, (app, i) => candidater(app, d, cibles[i]));
      unSeulGagnant(rs, 'LIMITE_PROGRAMME', 201);
      expect(await ouvertes(d)).toBe(1);
    });
  });

  it('R-LIMIT-ID: 10 concurrent applies to 10 courte_duree identifie offers → one 201, 9 × 409 LIMITE_IDENTIFIE', async () => {
    const d = await demandeurConnecte(t);
    const cibles = await offres(10, { nature: 'courte_duree', forme: 'identifie' });
    await rondes(ROUNDS, async (round) => {
      await remettreAZero(t, d);
      const rs = await rafale(t, cibles.length, (app, i) => candidater(app, d, cibles[i]));
      unSeulGagnant(rs, 'LIMITE_IDENTIFIE', 201);
      expect(await ouvertes(d)).toBe(1);
    });
  });

  it('R-LIMIT: 12 concurrent applies of one demandeur to one offer (double click, two tabs) → one 201, 11 × 409 DEJA_CANDIDAT, one audit event', async () => {
    const d = await demandeurConnecte(t);
    const [cible] = await offres(1);
    await rondes(ROUNDS, async (round) => {
      await remettreAZero(t, d);
      const rs = await rafale(t, 12, (app) => candidater(app, d, cible));
      const ok = unSeulGagnant(rs, 'DEJA_CANDIDAT', 201);
      expect(await compter(t.orm, `select 1 from audit_event where action = 'candidater' and entite = 'candidature' and entite_id = ?`, [ok.body.id])).toBe(1);
      expect(await ouvertes(d)).toBe(1);
    });
  });

  it('R-PUB: applies racing the bailleur taking the offer back → no open candidature is left on the withdrawn offer; each one that won is closed, audited and told', async () => {
    const m = await createAgent(t.orm, 'manager', [], 'course-manager-portail');
    const manager = await login(t.app, m.email, m.password);
    const ds: Demandeur[] = [];
    for (let i = 0; i < 6; i++) ds.push(await demandeurConnecte(t));
    await rondes(ROUNDS, async (round) => {
      const [cible] = await offres(1);
      const rs = await rafale(t, ds.length + 1, (app, i) =>
        i === 3 ? request(app).post(`/api/offres/${cible}/reprise-bailleur`).set(bearer(manager)).send({ motif: 'Le bailleur reprend le logement' }) : candidater(app, ds[i > 3 ? i - 1 : i], cible),
      );
      expect(rs[3].status).toBe(200);
      const applies = rs.filter((_, i) => i !== 3);
      for (const r of applies) expect([201, 409]).toContain(r.status);
      expect(await compter(t.orm, `select 1 from candidature where offre_id = ? and statut in ('deposee', 'en_instruction', 'transmise_bailleur')`, [cible])).toBe(0);
      const gagnees = applies.filter((r) => r.status === 201).map((r) => r.body.id as number);
      for (const id of gagnees) {
        expect(await compter(t.orm, `select 1 from audit_event where entite = 'candidature' and entite_id = ? and action = 'cloturer'`, [id])).toBe(1);
        expect(await compter(t.orm, `select 1 from notification where entite = 'candidature' and entite_id = ? and template = 'offre_reprise'`, [id])).toBe(1);
      }
    });
  });
});
