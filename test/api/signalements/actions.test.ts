import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { compter, demandeurAvecCandidatures, statuts } from '@test/api/suspensions/fixtures';

const t = useTestApp();
const tok = { fraude: '', fraude2: '', conseiller: '', manager: '' };
const ids = { fraude: 0, fraude2: 0 };
const conn = () => t.orm.em.fork().getConnection();
let n = 0;

/** A signal over these demandeurs (as the job would raise it). */
async function signal(demandeurIds: number[]) {
  n += 1;
  const [s] = await conn().execute<{ id: number }[]>(
    `insert into signalement (type, cle, score, preuves, demandeur_ids) values ('identite_multiple', ?, 80, '{"comptes":[]}', ?::int[]) returning id`,
    [`test-actions-${process.pid}-${n}`, `{${demandeurIds.join(',')}}`],
  );
  return s.id;
}
const post = (path: string, body: unknown = {}, token = tok.fraude) => request(t.app).post(`/api/signalements${path}`).set(bearer(token)).send(body as object);

beforeAll(async () => {
  for (const role of ['fraude', 'fraude2'] as const) {
    const a = await createAgent(t.orm, 'controle_fraude');
    ids[role] = a.id;
    tok[role] = await login(t.app, a.email, a.password);
  }
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  tok.conseiller = await login(t.app, c.email, c.password);
  const m = await createAgent(t.orm, 'manager');
  tok.manager = await login(t.app, m.email, m.password);
});

describe('signal workflow: prendre, confirmer, infirmer', () => {
  it('R-ONE-ACCOUNT: taken (assigned to me, en_cours), taken over by a colleague, confirmed with a conclusion, then closed (409)', async () => {
    const a = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const b = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const id = await signal([a.demandeurId, b.demandeurId]);
    const pris = await post(`/${id}/prendre`);
    expect(pris.status).toBe(200);
    expect(pris.body).toMatchObject({ statut: 'en_cours', assigneeId: ids.fraude });
    const repris = await post(`/${id}/prendre`, {}, tok.fraude2);
    expect(repris.body.assigneeId).toBe(ids.fraude2);
    expect((await post(`/${id}/confirmer`, {})).status).toBe(400);
    const ok = await post(`/${id}/confirmer`, { conclusion: 'Même personne : pièce d’identité identique.' });
    expect(ok.body).toMatchObject({ statut: 'confirme', conclusion: 'Même personne : pièce d’identité identique.', assigneeId: ids.fraude2 });
    const clos = await post(`/${id}/infirmer`, { conclusion: 'non' });
    expect(clos.status).toBe(409);
    expect(clos.body.code).toBe('SIGNALEMENT_CLOS');
    expect(await compter(t.orm, `select 1 from audit_event where entite = 'signalement' and entite_id = ? and fraude`, [id])).toBe(3);
  });

  it('R-ONE-ACCOUNT: infirmed straight from nouveau; the assignee becomes who concluded', async () => {
    const id = await signal([1, 2]);
    const r = await post(`/${id}/infirmer`, { conclusion: 'Homonymes : dates de naissance différentes sur les pièces.' });
    expect(r.body).toMatchObject({ statut: 'infirme', assigneeId: ids.fraude });
  });

  it('R-FRAUD-VIS: conseiller and manager get 403 on every signal action; an unknown signal is 404', async () => {
    const id = await signal([1, 2]);
    for (const token of [tok.conseiller, tok.manager]) {
      for (const path of [`/${id}/prendre`, `/${id}/confirmer`, `/${id}/infirmer`, `/${id}/desactiver-comptes`]) {
        expect((await post(path, { conclusion: 'x', demandeurIds: [1], motif: 'x' }, token)).status).toBe(403);
      }
    }
    expect((await post('/999999999/prendre')).status).toBe(404);
  });
});

describe('POST /api/signalements/:id/desactiver-comptes', () => {
  it('R-ONE-ACCOUNT: refused before confirmation (409), for accounts outside the signal (400), or for every account of it (409)', async () => {
    const a = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const b = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const id = await signal([a.demandeurId, b.demandeurId]);
    const avant = await post(`/${id}/desactiver-comptes`, { demandeurIds: [b.demandeurId], motif: 'Compte en double' });
    expect(avant.status).toBe(409);
    expect(avant.body.code).toBe('SIGNALEMENT_NON_CONFIRME');
    await post(`/${id}/confirmer`, { conclusion: 'Doublon avéré' });
    const dehors = await post(`/${id}/desactiver-comptes`, { demandeurIds: [1], motif: 'Compte en double' });
    expect(dehors.status).toBe(400);
    expect(dehors.body.errors[0].field).toBe('demandeurIds');
    const tous = await post(`/${id}/desactiver-comptes`, { demandeurIds: [a.demandeurId, b.demandeurId], motif: 'Compte en double' });
    expect(tous.status).toBe(409);
    expect(tous.body.code).toBe('COMPTE_UNIQUE_REQUIS');
    expect(Object.values(await statuts(t.orm, [...a.candidatureIds, ...b.candidatureIds]))).toEqual(['deposee', 'deposee']);
  });

  it('R-ONE-ACCOUNT: deactivates the extra account (ferme, desactiveLe), closes its open candidatures and demande, in one transaction with audit and notification', async () => {
    const garde = await demandeurAvecCandidatures(t.orm, ['deposee']);
    const extra = await demandeurAvecCandidatures(t.orm, ['deposee', 'en_instruction', 'attribuee']);
    const id = await signal([garde.demandeurId, extra.demandeurId]);
    await post(`/${id}/confirmer`, { conclusion: 'Même personne' });
    const r = await post(`/${id}/desactiver-comptes`, { demandeurIds: [extra.demandeurId], motif: 'Deuxième compte ouvert avec un prénom inversé' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.candidaturesCloturees.sort()).toEqual(extra.candidatureIds.slice(0, 2).sort());
    expect(await statuts(t.orm, extra.candidatureIds)).toEqual({
      [extra.candidatureIds[0]]: 'cloturee', [extra.candidatureIds[1]]: 'cloturee', [extra.candidatureIds[2]]: 'attribuee',
    });
    expect(Object.values(await statuts(t.orm, garde.candidatureIds))).toEqual(['deposee']);
    const [compte] = await conn().execute<{ statut_compte: string; desactive_le: Date }[]>(`select statut_compte, desactive_le from demandeur where id = ?`, [extra.demandeurId]);
    expect(compte.statut_compte).toBe('ferme');
    expect(new Date(compte.desactive_le).toISOString()).toBe(t.clock.now().toISOString());
    expect(await compter(t.orm, `select 1 from demande where id = ? and statut = 'cloturee' and motif_cloture = 'fermeture_compte'`, [extra.demandeId])).toBe(1);
    expect(await compter(t.orm, `select 1 from audit_event where action = 'desactiver_compte' and entite_id = ? and fraude`, [extra.demandeurId])).toBe(1);
    expect(await compter(t.orm, `select 1 from audit_event where action = 'cloturer' and entite = 'candidature' and entite_id in (?, ?)`, extra.candidatureIds.slice(0, 2))).toBe(2);
    expect(await compter(t.orm, `select 1 from notification where demandeur_id = ? and template = 'compte_desactive'`, [extra.demandeurId])).toBe(1);
    const again = await post(`/${id}/desactiver-comptes`, { demandeurIds: [extra.demandeurId], motif: 'encore' });
    expect(again.body.code).toBe('COMPTE_DEJA_FERME');
    expect(again.body.detail).toBe(`Compte déjà fermé : ${extra.demandeurId}.`); // ISSUE-15: a real singular, never « Compte(s) déjà fermé(s) »
  });
});
