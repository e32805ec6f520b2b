import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCandidatureTest, creerCommunes, creerDemandeurTest, creerOffreTest, jours } from '@test/api/offres/fixtures';
import { ROUNDS, rondes, compter, rafale, unSeulGagnant, useDeuxApps } from './support';

const t = useDeuxApps();
const now = () => t.clock.now();
const managers: string[] = [];

beforeAll(async () => {
  await creerCommunes(t.orm);
  for (const tag of ['course-manager-1', 'course-manager-2']) {
    const m = await createAgent(t.orm, 'manager', [], tag);
    managers.push(await login(t.app, m.email, m.password));
  }
});

const action = (app: Parameters<typeof request>[0], i: number, id: number, nom: string, body: object) =>
  request(app).post(`/api/offres/${id}/${nom}`).set(bearer(managers[i % 2])).send(body);
const audits = (id: number, nom: string) => compter(t.orm, `select 1 from audit_event where entite = 'offre' and entite_id = ? and action = ?`, [id, nom]);

describe('offer publication actions under concurrency (two replicas, 12 identical requests, 25 rounds)', () => {
  it('R-PUB: 12 concurrent « depublier » → one 200, 11 × 409 DEJA_DEPUBLIEE, one audit event', async () => {
    await rondes(ROUNDS, async (round) => {
      const { id } = await creerOffreTest(t.orm, now());
      const rs = await rafale(t, 12, (app, i) => action(app, i, id, 'depublier', { motif: 'Logement en travaux' }));
      unSeulGagnant(rs, 'DEJA_DEPUBLIEE');
      expect(await audits(id, 'depublier_publication')).toBe(1);
    });
  });

  it('R-PUB: 12 concurrent « prolonger » to the same end → one 200, 11 × 409 PROLONGATION_INVALIDE, one audit event', async () => {
    await rondes(ROUNDS, async (round) => {
      const { id } = await creerOffreTest(t.orm, now(), { fin: jours(now(), 3) });
      const fin = jours(now(), 20).toISOString();
      const rs = await rafale(t, 12, (app, i) => action(app, i, id, 'prolonger', { finPublication: fin }));
      unSeulGagnant(rs, 'PROLONGATION_INVALIDE');
      expect(await audits(id, 'prolonger_publication')).toBe(1);
    });
  });

  it('R-PUB: 12 concurrent « publier » of an offer put offline → one 200, 11 × 409 DEJA_PUBLIEE, one audit event', async () => {
    await rondes(ROUNDS, async () => {
      const { id } = await creerOffreTest(t.orm, now(), { publiee: false });
      const rs = await rafale(t, 12, (app, i) => action(app, i, id, 'publier', {}));
      unSeulGagnant(rs, 'DEJA_PUBLIEE');
      expect(await audits(id, 'publier_publication')).toBe(1);
    });
  });

  it('R-PUB: 12 concurrent « raccourcir » to the same end → one 200, 11 × 409 RACCOURCISSEMENT_INVALIDE, one audit event', async () => {
    await rondes(ROUNDS, async () => {
      const { id } = await creerOffreTest(t.orm, now(), { fin: jours(now(), 30) });
      const fin = jours(now(), 10).toISOString();
      const rs = await rafale(t, 12, (app, i) => action(app, i, id, 'raccourcir', { finPublication: fin }));
      unSeulGagnant(rs, 'RACCOURCISSEMENT_INVALIDE');
      expect(await audits(id, 'raccourcir_publication')).toBe(1);
    });
  });

  it('R-PUB: 12 concurrent « renouveler » of an ended publication → one 200, 11 × 409 DEJA_PUBLIEE, one audit event', async () => {
    await rondes(ROUNDS, async () => {
      const { id } = await creerOffreTest(t.orm, now(), { debut: jours(now(), -40), fin: jours(now(), -2) });
      const corps = { debutPublication: jours(now(), -1).toISOString(), finPublication: jours(now(), 30).toISOString() };
      const rs = await rafale(t, 12, (app, i) => action(app, i, id, 'renouveler', corps));
      unSeulGagnant(rs, 'DEJA_PUBLIEE');
      expect(await audits(id, 'renouveler_publication')).toBe(1);
    });
  });

  it('R-PUB: 12 concurrent « reprise-bailleur » → one 200, 11 × 409 OFFRE_RETIREE; each open candidature closed, audited and told once', async () => {
    await rondes(ROUNDS, async (round) => {
      const { id } = await creerOffreTest(t.orm, now());
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push(await creerCandidatureTest(t.orm, now(), await creerDemandeurTest(t.orm, now()), id));
      const rs = await rafale(t, 12, (app, i) => action(app, i, id, 'reprise-bailleur', { motif: 'Le bailleur reprend le logement' }));
      unSeulGagnant(rs, 'OFFRE_RETIREE');
      expect(await audits(id, 'reprise')).toBe(1);
      const liste = `{${ids.join(',')}}`;
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'candidature' and entite_id = any(?::int[]) and action = 'cloturer'`, [liste])).toBe(3);
      expect(await compter(t.orm, `select 1 from notification where entite = 'candidature' and entite_id = any(?::int[])`, [liste])).toBe(3);
    });
  });

  it('R-PUB: « reprise-bailleur » and « attribution-directe » at once → one 200, the other 409 OFFRE_RETIREE', async () => {
    await rondes(ROUNDS, async (round) => {
      const { id } = await creerOffreTest(t.orm, now());
      const rs = await rafale(t, 2, (app, i) =>
        i === 0
          ? action(app, i, id, 'reprise-bailleur', { motif: 'Reprise' })
          : action(app, i, id, 'attribution-directe', { motif: 'Attribué en direct', date: now().toISOString() }),
      );
      unSeulGagnant(rs, 'OFFRE_RETIREE');
      expect((await audits(id, 'reprise')) + (await audits(id, 'attribution_directe'))).toBe(1);
    });
  });
});
