import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCandidatureTest, creerCommunes, creerDemandeurTest, creerOffreTest, jours } from './fixtures';

const t = useTestApp();
let manager: string;
let conseiller: string;
let conseiller69: string;
const now = () => t.clock.now();
const sql = <T>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);
/** What a visitor sees (the portal, R-PUB §11.15): 200 while published, 404 otherwise. */
const visible = async (id: number) => (await request(t.app).get(`/api/portail/offres/${id}`)).status === 200;
const post = (token: string, id: number, action: string, body: object = {}) => request(t.app).post(`/api/offres/${id}/${action}`).set(bearer(token)).send(body);

const agents: Record<'manager' | 'conseiller' | 'conseiller69', { email: string; password: string }> = {} as never;
beforeAll(async () => {
  await creerCommunes(t.orm);
  agents.manager = await createAgent(t.orm, 'manager');
  agents.conseiller = await createAgent(t.orm, 'conseiller', ['01']);
  agents.conseiller69 = await createAgent(t.orm, 'conseiller', ['69']);
});
// Tests move the clock by days: sessions lapse (30 min idle), so sign in again before each.
beforeEach(async () => {
  manager = await login(t.app, agents.manager.email, agents.manager.password);
  conseiller = await login(t.app, agents.conseiller.email, agents.conseiller.password);
  conseiller69 = await login(t.app, agents.conseiller69.email, agents.conseiller69.password);
});

describe('publication window (R-PUB, §11.18)', () => {
  it('R-PUB: visible from debutPublication included, no longer once finPublication is reached', async () => {
    const debut = jours(now(), 1);
    const fin = jours(now(), 5);
    const { id } = await creerOffreTest(t.orm, now(), { debut, fin });
    expect(await visible(id)).toBe(false);
    t.clock.set(new Date(debut.getTime() - 1000));
    expect(await visible(id)).toBe(false);
    t.clock.set(debut);
    expect(await visible(id)).toBe(true);
    t.clock.set(new Date(fin.getTime() - 1000));
    expect(await visible(id)).toBe(true);
    t.clock.set(fin);
    expect(await visible(id)).toBe(false);
    t.clock.set(jours(debut, -1));
  });

  it('R-PUB: prolonger extends a running window (enLigne, audited); earlier or past dates are refused with their code', async () => {
    const { id } = await creerOffreTest(t.orm, now(), { fin: jours(now(), 3) });
    const refus = await post(manager, id, 'prolonger', { finPublication: jours(now(), 2).toISOString() });
    expect(refus.status).toBe(409);
    expect(refus.body.code).toBe('PROLONGATION_INVALIDE');
    expect((await post(manager, id, 'prolonger', { finPublication: jours(now(), -1).toISOString() })).body.code).toBe('DATE_PASSEE');
    expect((await post(manager, id, 'prolonger', { finPublication: 'demain' })).status).toBe(400);
    const ok = await post(manager, id, 'prolonger', { finPublication: jours(now(), 20).toISOString() });
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.finPublication).toISOString()).toBe(jours(now(), 20).toISOString());
    expect(ok.body.enLigne).toBe(true);
    const [a] = await sql<{ action: string; de: string; vers: string }>(`select action, de, vers from audit_event where entite = 'offre' and entite_id = ? order by id desc limit 1`, [id]);
    expect(a).toEqual({ action: 'prolonger_publication', de: 'publiee', vers: 'publiee' });
    // Once the window has ended, only a renewal puts it back.
    t.clock.set(jours(now(), 21));
    manager = await login(t.app, agents.manager.email, agents.manager.password);
    expect((await post(manager, id, 'prolonger', { finPublication: jours(now(), 30).toISOString() })).body.code).toBe('FENETRE_TERMINEE');
    t.clock.set(jours(now(), -21));
  });

  it('R-PUB: raccourcir ends the window earlier but after its start (400 FENETRE_INVALIDE otherwise) and after now', async () => {
    const { id } = await creerOffreTest(t.orm, now(), { debut: jours(now(), 2), fin: jours(now(), 30) });
    const avantDebut = await post(manager, id, 'raccourcir', { finPublication: jours(now(), 1).toISOString() });
    expect(avantDebut.status).toBe(400);
    expect(avantDebut.body.code).toBe('FENETRE_INVALIDE');
    expect((await post(manager, id, 'raccourcir', { finPublication: jours(now(), 40).toISOString() })).body.code).toBe('RACCOURCISSEMENT_INVALIDE');
    const ok = await post(manager, id, 'raccourcir', { finPublication: jours(now(), 10).toISOString() });
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.finPublication).getTime()).toBe(jours(now(), 10).getTime());
  });

  it('R-PUB: renouveler gives an ended offer a new window and puts it back online; not while it is online', async () => {
    const { id } = await creerOffreTest(t.orm, now(), { debut: jours(now(), -40), fin: jours(now(), -5) });
    expect(await visible(id)).toBe(false);
    const fini = await post(manager, id, 'renouveler', { debutPublication: jours(now(), 5).toISOString(), finPublication: jours(now(), 1).toISOString() });
    expect(fini.status).toBe(400);
    expect(fini.body.code).toBe('FENETRE_INVALIDE');
    const ok = await post(manager, id, 'renouveler', { debutPublication: now().toISOString(), finPublication: jours(now(), 30).toISOString() });
    expect(ok.status).toBe(200);
    expect(ok.body.enLigne).toBe(true);
    expect(await visible(id)).toBe(true);
    const encore = await post(manager, id, 'renouveler', { debutPublication: now().toISOString(), finPublication: jours(now(), 60).toISOString() });
    expect(encore.body.code).toBe('DEJA_PUBLIEE');
  });

  it('R-PUB: a date-only end keeps the offer visible for that whole Paris day', async () => {
    const { id } = await creerOffreTest(t.orm, now(), {});
    const ok = await post(manager, id, 'prolonger', { finPublication: '2026-12-31' });
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.finPublication).toISOString()).toBe('2026-12-31T23:00:00.000Z'); // 01/01 00:00 Paris
  });
});

describe('dépublication (R-PUB, §11.19)', () => {
  it('R-PUB: dépublier hides the offer without closing its candidatures; a motif is required', async () => {
    const { id } = await creerOffreTest(t.orm, now());
    const d = await creerDemandeurTest(t.orm, now());
    const candidatureId = await creerCandidatureTest(t.orm, now(), d, id, 'en_instruction');
    expect(await visible(id)).toBe(true);
    const sansMotif = await post(manager, id, 'depublier', {});
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.body.code).toBe('MOTIF_REQUIS');
    const r = await post(manager, id, 'depublier', { motif: 'Dégât des eaux en cours de réparation' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ publiee: false, enLigne: false, motifDepublication: 'Dégât des eaux en cours de réparation' });
    expect(r.body.depublieeLe).toBeTruthy();
    expect(await visible(id)).toBe(false);
    const [c] = await sql<{ statut: string }>(`select statut from candidature where id = ?`, [candidatureId]);
    expect(c.statut).toBe('en_instruction');
    expect(await sql(`select 1 from notification where entite = 'candidature' and entite_id = ?`, [candidatureId])).toHaveLength(0);
    expect((await post(manager, id, 'depublier', { motif: 'encore' })).body.code).toBe('DEJA_DEPUBLIEE');
    // Published again when the circumstances allow it.
    const again = await post(manager, id, 'publier');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ publiee: true, enLigne: true, depublieeLe: null });
    expect(await visible(id)).toBe(true);
  });

  it('R-PUB: publier needs a window (409 FENETRE_ABSENTE) and is refused on an offer already online', async () => {
    const jamais = await creerOffreTest(t.orm, now(), { publiee: false, debut: null, fin: null });
    expect((await post(manager, jamais.id, 'publier')).body.code).toBe('FENETRE_ABSENTE');
    const enLigne = await creerOffreTest(t.orm, now());
    const r = await post(manager, enLigne.id, 'publier');
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('DEJA_PUBLIEE');
  });

  it('window actions are the managers’: a conseiller gets 403, an unknown offer 404, the generic update cannot move the window', async () => {
    const { id } = await creerOffreTest(t.orm, now());
    expect((await post(conseiller, id, 'depublier', { motif: 'x' })).status).toBe(403);
    expect((await post(conseiller69, id, 'prolonger', { finPublication: jours(now(), 50).toISOString() })).status).toBe(403);
    expect((await post(manager, 999999999, 'publier')).status).toBe(404);
    const put = await request(t.app).put(`/api/offres/${id}`).set(bearer(manager)).send({ nombreLogements: 3, publiee: false, finPublication: jours(now(), -1).toISOString() });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ nombreLogements: 3, publiee: true });
    expect(await visible(id)).toBe(true);
  });
});
