import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCommunes, creerDemandeurTest, creerOffreTest } from '@test/api/offres/fixtures';
import { ROUNDS, rondes, compter, q, rafale, useDeuxApps } from './support';

const t = useDeuxApps();
const now = () => t.clock.now();
const conseillers: string[] = [];
let fraude = '';
let n = 0;

beforeAll(async () => {
  await creerCommunes(t.orm);
  for (const tag of ['course-proposeur-1', 'course-proposeur-2']) {
    const a = await createAgent(t.orm, 'conseiller', ['01'], tag);
    conseillers.push(await login(t.app, a.email, a.password));
  }
  const f = await createAgent(t.orm, 'controle_fraude', [], 'course-fraude-prop');
  fraude = await login(t.app, f.email, f.password);
});

const proposer = (app: Parameters<typeof request>[0], i: number, offreId: number, demandeurIds: number[]) =>
  request(app).post('/api/propositions').set(bearer(conseillers[i % 2])).send({ offreId, demandeurIds, message: 'Ce logement peut vous intéresser.' });

describe('propositions under concurrency (two replicas, 25 rounds)', () => {
  it('R-ELIG: 12 concurrent identical propositions of one offer to one demandeur → one 201 and one proposition, one audit event, one mail; the others 409 DEJA_PROPOSEE or the demandeur refused DEJA_PROPOSEE', async () => {
    await rondes(ROUNDS, async (round) => {
      const { id: offreId } = await creerOffreTest(t.orm, now());
      const d = await creerDemandeurTest(t.orm, now());
      const rs = await rafale(t, 12, (app, i) => proposer(app, i, offreId, [d.demandeurId]));
      const envoyees = rs.filter((r) => r.status === 201);
      expect(envoyees, rs.map((r) => r.status).join(',')).toHaveLength(1);
      for (const r of rs.filter((x) => x.status !== 201)) {
        // A batch answers per demandeur: a request that read after the winner's commit lists it among the refused (200).
        const code = r.status === 409 ? r.body.code : r.status === 200 && r.body.envoyees.length === 0 ? r.body.refusees[0]?.code : `${r.status}`;
        expect(code).toBe('DEJA_PROPOSEE');
      }
      const [p] = await q<{ id: number }>(t.orm, `select id from proposition where offre_id = ? and demandeur_id = ?`, [offreId, d.demandeurId]);
      expect(await compter(t.orm, `select 1 from proposition where offre_id = ? and demandeur_id = ?`, [offreId, d.demandeurId])).toBe(1);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'proposition' and entite_id = ? and action = 'proposer'`, [p.id])).toBe(1);
      expect(await compter(t.orm, `select 1 from notification where entite = 'proposition' and entite_id = ?`, [p.id])).toBe(1);
    });
  });

  it('R-ONE-ACCOUNT: propositions racing the deactivation of the account → never a pending proposition to a closed account', async () => {
    await rondes(ROUNDS, async (round) => {
      const a = await creerDemandeurTest(t.orm, now());
      const b = await creerDemandeurTest(t.orm, now());
      n += 1;
      const [s] = await q<{ id: number }>(
        t.orm,
        `insert into signalement (type, cle, score, preuves, demandeur_ids, statut) values ('identite_multiple', ?, 80, '{"comptes":[]}', ?::int[], 'confirme') returning id`,
        [`course-prop-${process.pid}-${n}`, `{${a.demandeurId},${b.demandeurId}}`],
      );
      const offres: number[] = [];
      for (let i = 0; i < 6; i++) offres.push((await creerOffreTest(t.orm, now())).id);
      const rs = await rafale(t, 7, (app, i) =>
        i === 3
          ? request(app).post(`/api/signalements/${s.id}/desactiver-comptes`).set(bearer(fraude)).send({ demandeurIds: [b.demandeurId], motif: 'Doublon' })
          : proposer(app, i, offres[i > 3 ? i - 1 : i], [b.demandeurId]),
      );
      expect(rs[3].status).toBe(200);
      for (const r of rs) expect(r.status).toBeLessThan(500);
      expect(await compter(t.orm, `select 1 from proposition where demandeur_id = ? and statut = 'envoyee'`, [b.demandeurId])).toBe(0);
    });
  });
});
