import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { executerExport } from '@server/modules/exports/executer';
import { expirerExports } from '@server/modules/exports/maintenance';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { creerDossier } from '@test/support/fixtures';
import { creerBailleur, creerOffreDe, designer, lignes, lireXlsx } from './fixtures';

const t = useTestApp();
let manager: { id: number; token: string };
let autreManager: string;
let conseiller: string;
let bailleur: { id: number; nom: string };
const ids: Record<string, number> = {};

const ENTETES = [
  'Référence candidature', 'Référence demande', 'Référence offre', 'Offre', 'Typologie', 'Commune', 'Rang à la désignation',
  'Palier de classement', 'Civilité demandeur', 'Nom demandeur', 'Prénom demandeur', 'Date de naissance demandeur',
  'Civilité codemandeur', 'Nom codemandeur', 'Prénom codemandeur', 'Date de naissance codemandeur', 'Personnes au foyer',
  'Revenu fiscal de référence', 'Plafond de ressources applicable', 'Ressources au regard du plafond', 'Situation prioritaire',
  'Entreprise', 'SIRET', 'Date de désignation', 'Statut', 'Agent',
];

beforeAll(async () => {
  const m = await createAgent(t.orm, 'manager');
  manager = { id: m.id, token: await login(t.app, m.email, m.password) };
  const m2 = await createAgent(t.orm, 'manager');
  autreManager = await login(t.app, m2.email, m2.password);
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  conseiller = await login(t.app, c.email, c.password);
  const designateur = await createAgent(t.orm, 'conseiller', ['69']);
  bailleur = await creerBailleur(t.orm, 'Habitat Rhône Test');
  const offre = await creerOffreDe(t.orm, bailleur.id);
  const autreOffre = await creerOffreDe(t.orm, (await creerBailleur(t.orm)).id);
  const conn = t.orm.em.fork().getConnection();
  const [e] = await conn.execute<{ id: number; siret: string; raison_sociale: string }[]>(`select id, siret, raison_sociale from entreprise order by id limit 1`);
  const dossier = async (jour: string, o = offre) => creerDossier(t.orm, { offreId: o, statut: 'en_instruction', dateCandidature: new Date(`2026-09-${jour}T08:00:00Z`), entrepriseId: e.id });
  const d1 = await dossier('01');
  const d2 = await dossier('02');
  const d3 = await dossier('03');
  const d4 = await dossier('04');
  const d5 = await dossier('05');
  const d6 = await dossier('06', autreOffre);
  // d1: a formula-like name, a codemandeur, 3 persons, revenus above the 3-person plafond (40 000 €).
  await conn.execute(`update demandeur set nom = '=HYPERLINK("https://pirate.example","clic")', prenom = '@Jeanne' where id = ?`, [d1.demandeurId]);
  await conn.execute(
    `update demande set nombre_personnes = 3, revenu_fiscal_reference = 45000, situations_prioritaires = '{violences_familiales}',
       codemandeur = '{"civilite":"M","nom":"Durand","prenom":"Paul","dateNaissance":"1988-04-12"}' where id = ?`,
    [d1.demandeId],
  );
  await designer(t.orm, d1.candidatureId, new Date('2026-10-05T08:00:00Z'), designateur.id);
  await designer(t.orm, d2.candidatureId, new Date('2026-10-06T08:00:00Z'), designateur.id, 'attribuee');
  // 31 October 23:30 in Paris (UTC+1 after the DST change): inside the period.
  await designer(t.orm, d3.candidatureId, new Date('2026-10-31T22:30:00Z'), designateur.id);
  // 30 September 23:59 in Paris: outside. d5 stays en_instruction. d6: another bailleur.
  await designer(t.orm, d4.candidatureId, new Date('2026-09-30T21:59:00Z'), designateur.id);
  await designer(t.orm, d6.candidatureId, new Date('2026-10-10T08:00:00Z'), designateur.id);
  Object.assign(ids, { c1: d1.candidatureId, c2: d2.candidatureId, c3: d3.candidatureId, c5: d5.candidatureId, designateur: designateur.id });
  ids.siret = Number(e.siret.slice(0, 9));
});

const params = () => ({ bailleurId: bailleur.id, from: '2026-10-01', to: '2026-10-31' });

describe('POST /api/exports designations_bailleur', () => {
  it('refuses a conseiller (403), an unknown bailleur (400) and a reversed period (400)', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(conseiller)).send({ kind: 'designations_bailleur', params: params() });
    expect(r.status).toBe(403);
    const inconnu = await request(t.app).post('/api/exports').set(bearer(manager.token)).send({ kind: 'designations_bailleur', params: { ...params(), bailleurId: 999999 } });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.code).toBe('REFERENCE_INCONNUE');
    const envers = await request(t.app).post('/api/exports').set(bearer(manager.token)).send({ kind: 'designations_bailleur', params: { ...params(), from: '2026-11-01' } });
    expect(envers.status).toBe(400);
    expect((await request(t.app).post('/api/exports').set(bearer(manager.token)).send({ kind: 'autre', params: {} })).status).toBe(400);
  });

  it('R-BAIL-MIN: writes one row per designated candidature of the period, French headers, formula-like text neutralised; download audited', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(manager.token)).send({ kind: 'designations_bailleur', params: params() });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(Number), statut: 'en_attente' });
    const id = r.body.id as number;
    const row = (await request(t.app).get(`/api/exports/${id}`).set(bearer(manager.token))).body;
    expect(row).toMatchObject({ kind: 'designations_bailleur', destinataire: bailleur.nom, statut: 'en_attente', agentId: manager.id });
    expect((await request(t.app).get(`/api/exports/${id}/fichier`).set(bearer(manager.token))).status).toBe(409);

    const res = await executerExport(t.orm.em.fork(), id, t.clock.now(), t.storage, { lot: 2 });
    expect(res).toMatchObject({ statut: 'termine', lignes: 3 });
    expect(await executerExport(t.orm.em.fork(), id, t.clock.now(), t.storage)).toMatchObject({ statut: 'deja_pris' });
    const fini = (await request(t.app).get(`/api/exports/${id}`).set(bearer(manager.token))).body;
    expect(fini).toMatchObject({ statut: 'termine', progression: 100, lignes: 3 });
    expect(fini.nomFichier).toMatch(/^designations-habitat-rhone-test-2026-10-01-2026-10-31\.xlsx$/);
    expect(res.fichier).toMatch(new RegExp(`^exports/${id}-[0-9a-f]{16}\\.xlsx$`));

    const ws = (await lireXlsx(t.storage, res.fichier!)).worksheets[0];
    const [entetes, ...data] = lignes(ws);
    expect(entetes).toEqual(ENTETES);
    expect(data.map((l) => l[0])).toEqual(
      await Promise.all([ids.c1, ids.c2, ids.c3].map(async (id) => (await request(t.app).get(`/api/candidatures/${id}`).set(bearer(manager.token))).body.reference)),
    );
    const col = (nom: string) => ENTETES.indexOf(nom);
    const [l1, l2, l3] = data;
    expect(l1[col('Nom demandeur')]).toBe(`'=HYPERLINK("https://pirate.example","clic")`);
    expect(l1[col('Prénom demandeur')]).toBe("'@Jeanne");
    expect(l1[col('Nom codemandeur')]).toBe('Durand');
    expect(l1[col('Personnes au foyer')]).toBe(3);
    expect(l1[col('Plafond de ressources applicable')]).toBe(40000);
    expect(l1[col('Ressources au regard du plafond')]).toBe('Au-dessus du plafond');
    expect(l1[col('Situation prioritaire')]).toBe('Victime de violences familiales');
    expect(l2[col('Ressources au regard du plafond')]).toBe('Sous le plafond');
    expect(l2[col('Statut')]).toBe('Attribuée');
    // R-RANK at designation: c2 was behind c1 (still open); c3 came after c2 was attributed (closed): 2nd.
    expect([l1, l2, l3].map((l) => l[col('Rang à la désignation')])).toEqual([1, 2, 2]);
    expect(l1[col('Agent')]).toMatch(/^conseiller Test\d+$/);
    expect(String(l1[col('SIRET')])).toMatch(/^\d{14}$/);
    // Paris wall-clock time: 31/10 23:30.
    expect((l3[col('Date de désignation')] as Date).toISOString()).toBe('2026-10-31T23:30:00.000Z');

    expect((await request(t.app).get(`/api/exports/${id}/fichier`).set(bearer(conseiller))).status).toBe(403);
    const dl = await request(t.app).get(`/api/exports/${id}/fichier`).set(bearer(autreManager)).buffer(true).parse((res2, cb) => {
      const chunks: Buffer[] = [];
      res2.on('data', (c: Buffer) => chunks.push(c));
      res2.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toMatch(/spreadsheetml/);
    expect(dl.headers['content-disposition']).toContain('designations-habitat-rhone-test');
    expect((dl.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const journal = await t.orm.em.fork().getConnection().execute<{ action: string; acteur_id: number | null; details: Record<string, unknown> }[]>(
      `select action, acteur_id, details from audit_event where entite = 'export' and entite_id = ? order by id`, [id]);
    expect(journal.map((j) => j.action)).toEqual(['export_demande', 'export_termine', 'telechargement']);
    expect(journal[0]).toMatchObject({ acteur_id: manager.id, details: { destinataire: bailleur.nom, kind: 'designations_bailleur' } });
    expect(journal[2].details).toMatchObject({ destinataire: bailleur.nom });
  });

  it('files expire after EXPORT_TTL_HOURS: deleted, statut expire, download 410 EXPORT_EXPIRE', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(manager.token)).send({ kind: 'designations_bailleur', params: params() });
    const res = await executerExport(t.orm.em.fork(), r.body.id, t.clock.now(), t.storage, { ttlHeures: 1 });
    expect(await t.storage.readObject(res.fichier!)).not.toBeNull();
    expect((await expirerExports(t.orm.em.fork(), new Date(t.clock.now().getTime() + 59 * 60_000), t.storage)).expires).toBe(0);
    const plusTard = new Date(t.clock.now().getTime() + 61 * 60_000);
    expect((await expirerExports(t.orm.em.fork(), plusTard, t.storage)).expires).toBeGreaterThanOrEqual(1);
    expect(await t.storage.readObject(res.fichier!)).toBeNull();
    const dl = await request(t.app).get(`/api/exports/${r.body.id}/fichier`).set(bearer(manager.token));
    expect(dl.status).toBe(410);
    expect(dl.body.code).toBe('EXPORT_EXPIRE');
    expect((await request(t.app).get(`/api/exports/${r.body.id}`).set(bearer(manager.token))).body.statut).toBe('expire');
  });
});
