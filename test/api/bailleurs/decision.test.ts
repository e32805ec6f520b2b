import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { bailleurEtOffre, envoyer, jetonDe, pageBailleur, q, transmise } from './fixtures';

const t = useTestApp();
let manager: string;
let conseiller: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'manager', [], 'decision');
  manager = await login(t.app, a.email, a.password);
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'decision');
  conseiller = await login(t.app, c.email, c.password);
});
const hier = () => new Date(t.clock.now().getTime() - 86_400_000);
const aujourdhui = () => t.clock.now().toISOString().slice(0, 10);

/** One candidature sent to its bailleur, and the bailleur's page opened from the mail. */
async function envoiOuvert() {
  const b = await bailleurEtOffre(t.orm);
  const c = await transmise(t.orm, b.offreId, hier());
  const r = await envoyer(t.app, manager, `candidatures/${c.candidatureId}`);
  const page = pageBailleur(t.app);
  const { jeton } = await jetonDe(t.orm, r.body.envoiId);
  expect((await page.ouvrir(jeton)).status).toBe(201);
  return { b, c, page, jeton };
}
const statut = async (id: number) => (await q<{ statut: string; motif: string | null }>(t.orm, `select statut, motif from candidature where id = ?`, [id]))[0];
const mails = (demandeurId: number) => q<{ template: string; corps: string }>(t.orm, `select template, corps from notification where demandeur_id = ? order by id`, [demandeurId]);

describe('POST /api/bailleur/candidatures/:id/decision', () => {
  it('R-CAND-FSM: « Attribuée » goes through the lifecycle with the bailleur as actor, the demande closes and the demandeur is told (§11.27)', async () => {
    const { b, c, page } = await envoiOuvert();
    const r = await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'attribuee', dateCaleol: aujourdhui() });
    expect(r.status).toBe(200);
    expect(await statut(c.candidatureId)).toMatchObject({ statut: 'attribuee' });
    const [ev] = await q<{ acteur_type: string; acteur_id: number; de: string; vers: string; details: Record<string, unknown> }>(
      t.orm, `select acteur_type, acteur_id, de, vers, details from audit_event where entite = 'candidature' and entite_id = ? and action = 'attribuer'`, [c.candidatureId]);
    expect(ev).toMatchObject({ acteur_type: 'bailleur', acteur_id: b.bailleurId, de: 'transmise_bailleur', vers: 'attribuee' });
    expect(ev.details).toMatchObject({ dateCaleol: aujourdhui(), source: 'page' });
    const [dem] = await q<{ statut: string; motif_cloture: string }>(t.orm, `select statut, motif_cloture from demande where id = ?`, [c.demandeId]);
    expect(dem).toEqual({ statut: 'cloturee', motif_cloture: 'attribution' });
    expect((await mails(c.demandeurId)).map((m) => m.template)).toContain('candidature_attribuee');
    const [d] = await q<{ decision: string; date_caleol: string; source: string }>(t.orm, `select decision, date_caleol, source from bailleur_decision where candidature_id = ?`, [c.candidatureId]);
    expect(d).toEqual({ decision: 'attribuee', date_caleol: aujourdhui(), source: 'page' });
    // The console shows it on the candidature.
    const suivi = await request(t.app).get(`/api/candidatures/${c.candidatureId}/envois-bailleur`).set(bearer(conseiller));
    expect(suivi.body.decision).toMatchObject({ decision: 'attribuee', dateCaleol: aujourdhui(), bailleur: b.nom });
    const histoire = await request(t.app).get(`/api/candidatures/${c.candidatureId}/timeline`).set(bearer(conseiller));
    expect(histoire.body.find((e: { action: string }) => e.action === 'attribuer')).toMatchObject({ acteur: `Bailleur ${b.nom}`, de: 'transmise_bailleur', vers: 'attribuee' });
  });

  it('R-BAIL-DECISION: « Non retenue » needs a motif of the list; the demandeur reads its label, not the bailleur\'s free text', async () => {
    const { c, page } = await envoiOuvert();
    const sans = await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'non_retenue', dateCaleol: aujourdhui() });
    expect(sans.status).toBe(400);
    expect(sans.body).toMatchObject({ code: 'MOTIF_REQUIS', errors: [{ field: 'motif' }] });
    const r = await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'non_retenue', motif: 'dossier_incomplet', commentaire: 'Note interne XYZ', dateCaleol: aujourdhui() });
    expect(r.status).toBe(200);
    expect(await statut(c.candidatureId)).toEqual({ statut: 'non_retenue', motif: 'Dossier incomplet' });
    const m = (await mails(c.demandeurId)).find((x) => x.template === 'candidature_non_retenue')!;
    expect(m.corps).toContain('Motif : Dossier incomplet');
    expect(m.corps).not.toContain('XYZ');
  });

  it('R-BAIL-DECISION: bad input → 400 with its code, and nothing changes', async () => {
    const { c, page } = await envoiOuvert();
    const cas: [object, string][] = [
      [{ decision: 'peut-etre', dateCaleol: aujourdhui() }, 'DECISION_INVALIDE'],
      [{ decision: 'attribuee' }, 'DATE_CALEOL_REQUISE'],
      [{ decision: 'attribuee', dateCaleol: '2099-01-01' }, 'DATE_CALEOL_FUTURE'],
      [{ decision: 'attribuee', dateCaleol: '2020-01-01' }, 'DATE_CALEOL_AVANT_DESIGNATION'],
      [{ decision: 'non_retenue', motif: 'autre', dateCaleol: aujourdhui() }, 'COMMENTAIRE_REQUIS'],
      [{ decision: 'non_retenue', motif: 'caprice', dateCaleol: aujourdhui() }, 'MOTIF_INCONNU'],
      [{ decision: 12 }, 'VALIDATION'],
    ];
    for (const [corps, code] of cas) {
      const r = await page.post(`/candidatures/${c.candidatureId}/decision`, corps);
      expect(r.status, code).toBe(400);
      expect(r.body.code).toBe(code);
    }
    expect((await statut(c.candidatureId)).statut).toBe('transmise_bailleur');
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from audit_event where entite = 'candidature' and entite_id = ? and acteur_type = 'bailleur'`, [c.candidatureId]);
    expect(n).toBe(0);
  });

  it('R-CAND-FSM: a second decision → 409 CANDIDATURE_PLUS_EN_ATTENTE with its reason; nothing applied twice', async () => {
    const { c, page } = await envoiOuvert();
    expect((await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'attribuee', dateCaleol: aujourdhui() })).status).toBe(200);
    const r = await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'non_retenue', motif: 'refus_caleol', dateCaleol: aujourdhui() });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CANDIDATURE_PLUS_EN_ATTENTE');
    expect(r.body.detail).toMatch(/a déjà été attribuée : votre décision a été enregistrée le \d\d\/\d\d\/\d{4}/);
    expect((await statut(c.candidatureId)).statut).toBe('attribuee');
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from notification where demandeur_id = ? and template like 'candidature_%'`, [c.demandeurId]);
    expect(n).toBe(1);
  });

  it('R-CAND-FSM: a candidature an agent decided or that was closed is no longer the bailleur\'s to decide (409 with the reason)', async () => {
    const { c, page } = await envoiOuvert();
    const r0 = await request(t.app).post(`/api/candidatures/${c.candidatureId}/ne-pas-retenir`).set(bearer(conseiller)).send({ motif: 'Refus du candidat' });
    expect(r0.status).toBe(200);
    const r = await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'attribuee', dateCaleol: aujourdhui() });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('déclarée non retenue par Action Logement Services');
    const autre = await envoiOuvert();
    await q(t.orm, `update candidature set statut = 'cloturee' where id = ?`, [autre.c.candidatureId]);
    const r2 = await autre.page.post(`/candidatures/${autre.c.candidatureId}/decision`, { decision: 'attribuee', dateCaleol: aujourdhui() });
    expect(r2.body).toMatchObject({ status: 409, code: 'CANDIDATURE_PLUS_EN_ATTENTE', detail: expect.stringContaining('clôturée') });
    // A closed (or refused) candidature's dossier is no longer downloadable; an attributed one still is.
    expect((await autre.page.get(`/candidatures/${autre.c.candidatureId}/dossier`)).status).toBe(409);
    const liste = (await autre.page.get('/candidatures')).body;
    expect(liste.enAttente).toEqual([]);
    expect(liste.decidees).toMatchObject([{ id: autre.c.candidatureId, statut: 'cloturee', decision: null }]);
  });
});

describe('two app instances deciding at once', () => {
  let autre: MikroORM;
  let app2: ReturnType<typeof createApp>;
  beforeAll(async () => {
    autre = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 4 } }));
    app2 = createApp({ orm: autre, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false } });
  });
  afterAll(async () => autre?.close(true));

  it('R-CAND-FSM: concurrent decisions on one candidature from two replicas, 8 rounds → exactly one applied each time', async () => {
    for (let round = 0; round < 8; round++) {
      const { c, page, jeton } = await envoiOuvert();
      const page2 = pageBailleur(app2);
      expect((await page2.ouvrir(jeton)).status).toBe(201);
      const url = `/candidatures/${c.candidatureId}/decision`;
      const rs = await Promise.all([
        page.post(url, { decision: 'attribuee', dateCaleol: aujourdhui() }),
        page2.post(url, { decision: 'non_retenue', motif: 'refus_caleol', dateCaleol: aujourdhui() }),
        page.post(url, { decision: 'non_retenue', motif: 'dossier_incomplet', dateCaleol: aujourdhui() }),
        page2.post(url, { decision: 'attribuee', dateCaleol: aujourdhui() }),
      ]);
      expect(rs.map((r) => r.status).sort(), JSON.stringify(rs.map((r) => r.body))).toEqual([200, 409, 409, 409]);
      const [{ transitions, decisions, notes }] = await q<{ transitions: number; decisions: number; notes: number }>(t.orm,
        `select (select count(*)::int from audit_event where entite = 'candidature' and entite_id = ? and acteur_type = 'bailleur' and action in ('attribuer', 'ne_pas_retenir')) as transitions,
                (select count(*)::int from bailleur_decision where candidature_id = ?) as decisions,
                (select count(*)::int from notification where demandeur_id = ? and template in ('candidature_attribuee', 'candidature_non_retenue')) as notes`,
        [c.candidatureId, c.candidatureId, c.demandeurId]);
      expect({ transitions, decisions, notes }).toEqual({ transitions: 1, decisions: 1, notes: 1 });
    }
  });
});
