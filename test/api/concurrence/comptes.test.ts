import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@server/config';
import { jetonDuLien } from '@server/modules/comptes/liens';
import { ROUNDS, rondes, compter, q, rafale, unSeulGagnant, useDeuxApps } from './support';

const t = useDeuxApps();
let n = 0;
const adresse = () => `course.${process.pid}.${++n}.${Math.random().toString(36).slice(2, 7)}@exemple.fr`;
const inscrire = (app: Parameters<typeof request>[0], email: string) =>
  request(app).post('/api/portail/comptes').send({ civilite: 'Mme', nom: 'Course', prenom: 'Alice', email, motDePasse: 'une phrase de passe assez longue' });

describe('portal accounts under concurrency (two replicas, 25 rounds)', () => {
  it('R-ACCOUNT: 6 concurrent sign-ups with one email → the same 201 for all, one account, one verification link, one mail, one audit event', async () => {
    await rondes(ROUNDS, async (round) => {
      const email = adresse();
      const rs = await rafale(t, 6, (app) => inscrire(app, email));
      expect(rs.map((r) => r.status)).toEqual(rs.map(() => 201));
      const [d] = await q<{ id: number }>(t.orm, `select id from demandeur where email = ?`, [email]);
      expect(await compter(t.orm, `select 1 from demandeur where email = ?`, [email])).toBe(1);
      expect(await compter(t.orm, `select 1 from lien_verification where demandeur_id = ?`, [d.id])).toBe(1);
      expect(await compter(t.orm, `select 1 from notification where demandeur_id = ?`, [d.id])).toBe(1);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'demandeur' and entite_id = ?`, [d.id])).toBe(1);
    });
  });

  it('R-ACCOUNT: 12 concurrent uses of one verification link → one 200, 11 × 410 LIEN_EXPIRE, one audit event', async () => {
    const secret = loadConfig({}).secret;
    await rondes(ROUNDS, async (round) => {
      const email = adresse();
      expect((await inscrire(t.app, email)).status).toBe(201);
      const [l] = await q<{ id: number; demandeur_id: number }>(t.orm, `select l.id, l.demandeur_id from lien_verification l join demandeur d on d.id = l.demandeur_id where d.email = ?`, [email]);
      const token = jetonDuLien(secret, l.id);
      const rs = await rafale(t, 12, (app) => request(app).post('/api/portail/comptes/verifier').send({ token }));
      unSeulGagnant(rs, 'LIEN_EXPIRE', 200, 410);
      expect(await compter(t.orm, `select 1 from audit_event where entite = 'demandeur' and entite_id = ? and action = 'email_verifie'`, [l.demandeur_id])).toBe(1);
    });
  });
});
