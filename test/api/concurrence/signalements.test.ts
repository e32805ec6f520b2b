import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { demandeurAvecCandidatures } from '@test/api/suspensions/fixtures';
import { ROUNDS, rondes, compter, q, rafale, unSeulGagnant, useDeuxApps } from './support';

const t = useDeuxApps();
const tokens: string[] = [];
let n = 0;

beforeAll(async () => {
  for (const tag of ['course-fraude-1', 'course-fraude-2']) {
    const a = await createAgent(t.orm, 'controle_fraude', [], tag);
    tokens.push(await login(t.app, a.email, a.password));
  }
});

async function signal(demandeurIds: number[], statut = 'nouveau') {
  n += 1;
  const [s] = await q<{ id: number }>(
    t.orm,
    `insert into signalement (type, cle, score, preuves, demandeur_ids, statut) values ('identite_multiple', ?, 80, '{"comptes":[]}', ?::int[], ?) returning id`,
    [`course-${process.pid}-${n}`, `{${demandeurIds.join(',')}}`, statut],
  );
  return s.id;
}

describe('signal actions under concurrency (two replicas, 12 identical requests, 25 rounds)', () => {
  it('R-ONE-ACCOUNT: 12 concurrent « confirmer » on one signal → one 200, 11 × 409 SIGNALEMENT_CLOS, one audit event', async () => {
    await rondes(ROUNDS, async (round) => {
      const id = await signal([1, 2], 'en_cours');
      const rs = await rafale(t, 12, (app, i) =>
        request(app).post(`/api/signalements/${id}/confirmer`).set(bearer(tokens[i % 2])).send({ conclusion: `Même personne (${i})` }),
      );
      unSeulGagnant(rs, 'SIGNALEMENT_CLOS');
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'signalement' and entite_id = ? and action in ('confirmer', 'infirmer')`, [id])).toBe(1);
    });
  });

  it('R-ONE-ACCOUNT: 12 concurrent « desactiver-comptes » of the same account → one 200, 11 × 409 COMPTE_DEJA_FERME; one audit trail and one mail', async () => {
    await rondes(ROUNDS, async (round) => {
      const a = await demandeurAvecCandidatures(t.orm, ['deposee']);
      const b = await demandeurAvecCandidatures(t.orm, ['deposee', 'en_instruction']);
      const id = await signal([a.demandeurId, b.demandeurId], 'confirme');
      const rs = await rafale(t, 12, (app, i) =>
        request(app).post(`/api/signalements/${id}/desactiver-comptes`).set(bearer(tokens[i % 2])).send({ demandeurIds: [b.demandeurId], motif: 'Doublon confirmé' }),
      );
      unSeulGagnant(rs, 'COMPTE_DEJA_FERME');
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'signalement' and entite_id = ? and action = 'desactiver_comptes'`, [id])).toBe(1);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'demandeur' and entite_id = ? and action = 'desactiver_compte'`, [b.demandeurId])).toBe(1);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'candidature' and entite_id = any(?::int[])`, [`{${b.candidatureIds.join(',')}}`])).toBe(2);
      expect(await compter(t.orm, `select 1 from notification where demandeur_id = ? and template = 'compte_desactive'`, [b.demandeurId])).toBe(1);
      const [compteA] = await q<{ statut_compte: string }>(t.orm, `select statut_compte from demandeur where id = ?`, [a.demandeurId]);
      expect(compteA.statut_compte).toBe('actif');
    });
  });

  it('R-ONE-ACCOUNT: two fraud agents deactivate the two accounts of one signal at once → one succeeds, the other 409 COMPTE_UNIQUE_REQUIS: an account stays open', async () => {
    await rondes(ROUNDS, async (round) => {
      const a = await demandeurAvecCandidatures(t.orm, ['deposee']);
      const b = await demandeurAvecCandidatures(t.orm, ['deposee']);
      const id = await signal([a.demandeurId, b.demandeurId], 'confirme');
      const cibles = [a.demandeurId, b.demandeurId];
      const rs = await rafale(t, 2, (app, i) =>
        request(app).post(`/api/signalements/${id}/desactiver-comptes`).set(bearer(tokens[i])).send({ demandeurIds: [cibles[i]], motif: 'Doublon confirmé' }),
      );
      unSeulGagnant(rs, 'COMPTE_UNIQUE_REQUIS');
      expect(await compter(t.orm, `select 1 from demandeur where id = any(?::int[]) and statut_compte <> 'ferme'`, [`{${cibles.join(',')}}`])).toBe(1);
    });
  });

  it('R-RANK: 12 concurrent « marquer-falsifie » of one piece → one 200, 11 × 409 TRANSITION_INTERDITE, one audit event', async () => {
    await rondes(ROUNDS, async (round) => {
      const a = await demandeurAvecCandidatures(t.orm, ['deposee']);
      const [p] = await q<{ id: number }>(t.orm, `select id from justificatif where demande_id = ? order by id limit 1`, [a.demandeId]);
      const rs = await rafale(t, 12, (app, i) =>
        request(app).post(`/api/justificatifs/${p.id}/marquer-falsifie`).set(bearer(tokens[i % 2])).send({ motif: 'Retouche visible' }),
      );
      unSeulGagnant(rs, 'TRANSITION_INTERDITE');
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'justificatif' and entite_id = ? and action = 'marquer_falsifie'`, [p.id])).toBe(1);
    });
  });
});
