import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { envoyer as envoyerAuBailleur } from '@server/modules/bailleurs/envoyer';
import { livrerNotifications, type Expediteur } from '@server/modules/notifications/livraison';
import { dossier, socle } from '@test/api/jobs/fixtures';
import { baseDediee, sql, type BaseDediee } from '@test/api/jobs/support';
import { hashToken } from '@server/modules/auth/sessions';
import { lienBailleur, mailBailleurALivrer } from '@server/modules/bailleurs/envoyer';
import { dechiffrerJeton } from '@server/modules/bailleurs/jeton';
import { LIEN_MASQUE } from '@server/modules/comptes/liens';
import { bearer, FakeClock, login, testContext, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier } from '@test/support/fixtures';
import { bailleurEtOffre, envoyer, jetonDe, pageBailleur, q, transmise } from './fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const [nom, role, terr] of [['manager', 'manager', []], ['c69', 'conseiller', ['69']], ['c75', 'conseiller', ['75']], ['fraude', 'controle_fraude', []], ['admin', 'admin', []]] as const) {
    const a = await createAgent(t.orm, role, [...terr], `envoi-${nom}`);
    tokens[nom] = await login(t.app, a.email, a.password);
  }
});
const hierDe = (c: FakeClock) => new Date(c.now().getTime() - 86_400_000);
const hier = () => hierDe(t.clock);

describe('POST /api/candidatures/:id/envoyer-bailleur', () => {
  it('R-BAIL-LIEN: a conseiller of the territory sends a transmitted candidature: envoi, 14-day link (hash only), mail with the link and no personal data', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c = await transmise(t.orm, b.offreId, hier());
    const r = await envoyer(t.app, tokens.c69, `candidatures/${c.candidatureId}`);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ destinataire: b.email, candidatures: 1 });
    expect(new Date(r.body.expireLe).getTime() - t.clock.now().getTime()).toBe(14 * 86_400_000);
    const mail = await jetonDe(t.orm, r.body.envoiId);
    expect(mail).toMatchObject({ destinataire: b.email, template: 'bailleur_envoi' });
    const [d] = await q<{ nom: string; prenom: string; email: string; reference: string }>(
      t.orm, `select dr.nom, dr.prenom, dr.email, c.reference from candidature c join demandeur dr on dr.id = c.demandeur_id where c.id = ?`, [c.candidatureId]);
    for (const personnel of [d.nom, d.email, c.reference]) expect(mail.corps).not.toContain(personnel);
    const [lien] = await q<{ token_hash: string }>(t.orm, `select token_hash from bailleur_lien where envoi_id = ?`, [r.body.envoiId]);
    expect(lien.token_hash).toBe(hashToken(mail.jeton));
    expect(JSON.stringify(await q(t.orm, `select * from bailleur_lien where envoi_id = ?`, [r.body.envoiId]))).not.toContain(mail.jeton);
    // The token sits in the outbox row only encrypted (AES-256-GCM, bound to the link): « [lien masqué] » in the body.
    const [n] = await q<{ template: string; donnees: Record<string, unknown>; corps: string; jeton_chiffre: string | null }>(
      t.orm, `select template, donnees, corps, jeton_chiffre from notification where entite = 'bailleur_envoi' and entite_id = ?`, [r.body.envoiId]);
    expect(n.corps).toContain(LIEN_MASQUE);
    expect(JSON.stringify(n)).not.toContain(mail.jeton);
    expect(n.jeton_chiffre).toMatch(/^v1\./);
    expect(dechiffrerJeton(loadConfig({}).secret, n.jeton_chiffre!, r.body.lienId)).toBe(mail.jeton);
    expect(() => dechiffrerJeton(loadConfig({}).secret, n.jeton_chiffre!, r.body.lienId + 1)).toThrow(); // bound to its link
    const livre = mailBailleurALivrer(n, loadConfig({}).secret)!;
    expect(livre.corps).toContain(lienBailleur(mail.jeton));
    expect(livre.corps).not.toContain(LIEN_MASQUE);
    const [ev] = await q<{ acteur_type: string; action: string }>(t.orm, `select acteur_type, action from audit_event where entite = 'candidature' and entite_id = ? and action = 'envoi_bailleur'`, [c.candidatureId]);
    expect(ev).toEqual({ acteur_type: 'agent', action: 'envoi_bailleur' });
  });

  it('R-BAIL-LIEN: only a transmitted candidature (409), only in the sender\'s scope (404), only managers and conseillers (403)', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c = await transmise(t.orm, b.offreId, hier());
    const e = await creerDossier(t.orm, { offreId: b.offreId, statut: 'en_instruction' });
    expect((await envoyer(t.app, tokens.manager, `candidatures/${e.candidatureId}`)).body.code).toBe('CANDIDATURE_NON_TRANSMISE');
    expect((await envoyer(t.app, tokens.c75, `candidatures/${c.candidatureId}`)).status).toBe(404);
    expect((await envoyer(t.app, tokens.fraude, `candidatures/${c.candidatureId}`)).status).toBe(403);
    expect((await envoyer(t.app, tokens.admin, `candidatures/${c.candidatureId}`)).status).toBe(403);
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from bailleur_envoi where bailleur_id = ?`, [b.bailleurId]);
    expect(n).toBe(0);
  });
});

describe('POST /api/offres/:id/envoyer-bailleur and /api/exports/:id/envoyer-bailleur', () => {
  it('R-BAIL-LIEN: from an offer, every transmitted candidature of it in one envoi; none → 409', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c1 = await transmise(t.orm, b.offreId, hier());
    const c2 = await transmise(t.orm, b.offreId, hier());
    await creerDossier(t.orm, { offreId: b.offreId, statut: 'deposee' });
    const r = await envoyer(t.app, tokens.manager, `offres/${b.offreId}`);
    expect(r.status).toBe(201);
    expect(r.body.candidatures).toBe(2);
    const ids = await q<{ candidature_id: number }>(t.orm, `select candidature_id from bailleur_envoi_candidature where envoi_id = ? order by 1`, [r.body.envoiId]);
    expect(ids.map((x) => x.candidature_id)).toEqual([c1.candidatureId, c2.candidatureId].sort((x, y) => x - y));
    const vide = await bailleurEtOffre(t.orm);
    expect((await envoyer(t.app, tokens.manager, `offres/${vide.offreId}`)).body.code).toBe('AUCUNE_CANDIDATURE_A_ENVOYER');
  });

  it('R-BAIL-LIEN: from a finished designations export, its candidatures still awaiting the bailleur; one designated after the export was produced is not sent', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c = await transmise(t.orm, b.offreId, hier());
    // Designated the same day, but after the file was finished: it is not in the export, so not in the envoi.
    await transmise(t.orm, b.offreId, new Date(t.clock.now().getTime() - 3600_000));
    const [{ id: agentId }] = await q<{ id: number }>(t.orm, `select id from agent where role = 'manager' limit 1`);
    const jour = t.clock.now().toISOString().slice(0, 10);
    const termineLe = new Date(t.clock.now().getTime() - 2 * 3600_000);
    const [x] = await q<{ id: number }>(t.orm,
      `insert into export (kind, params, destinataire, statut, progression, agent_id, created_at, termine_le) values ('designations_bailleur', ?::jsonb, ?, 'termine', 100, ?, ?, ?) returning id`,
      [JSON.stringify({ bailleurId: b.bailleurId, from: '2026-01-01', to: jour }), b.nom, agentId, termineLe, termineLe]);
    const r = await envoyer(t.app, tokens.manager, `exports/${x.id}`);
    expect(r.status).toBe(201);
    const [e] = await q<{ origine: string; export_id: number; nombre_candidatures: number }>(t.orm, `select origine, export_id, nombre_candidatures from bailleur_envoi where id = ?`, [r.body.envoiId]);
    expect(e).toEqual({ origine: 'export', export_id: x.id, nombre_candidatures: 1 });
    const [ec] = await q<{ candidature_id: number }>(t.orm, `select candidature_id from bailleur_envoi_candidature where envoi_id = ?`, [r.body.envoiId]);
    expect(ec.candidature_id).toBe(c.candidatureId);
    expect((await envoyer(t.app, tokens.c69, `exports/${x.id}`)).status).toBe(403); // exports are the managers'
  });
});

describe('GET /api/candidatures/:id/envois-bailleur, POST /api/envois-bailleur/:id/revoquer', () => {
  it('R-BAIL-LIEN: the console tracks « envoyé le, ouvert le, téléchargé le »; revoking answers 410 to the open page', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c = await transmise(t.orm, b.offreId, hier());
    const r = await envoyer(t.app, tokens.c69, `candidatures/${c.candidatureId}`);
    const suivi = () => request(t.app).get(`/api/candidatures/${c.candidatureId}/envois-bailleur`).set(bearer(tokens.c69));
    let s = (await suivi()).body;
    expect(s.envois[0]).toMatchObject({ id: r.body.envoiId, origine: 'candidature', ouvertLe: null, revoqueLe: null, destinataire: b.email });
    expect(s.envois[0].candidatures[0]).toMatchObject({ candidatureId: c.candidatureId, telechargeLe: null, telechargements: 0 });

    const page = pageBailleur(t.app);
    const { jeton } = await jetonDe(t.orm, r.body.envoiId);
    t.clock.advance(60_000);
    expect((await page.ouvrir(jeton)).status).toBe(201);
    t.clock.advance(60_000);
    expect((await page.get(`/candidatures/${c.candidatureId}/dossier`)).status).toBe(200);
    s = (await suivi()).body;
    expect(s.envois[0].ouvertLe).toBe(new Date(t.clock.now().getTime() - 60_000).toISOString());
    expect(s.envois[0].candidatures[0]).toMatchObject({ telechargeLe: t.clock.now().toISOString(), telechargements: 1 });
    const [acces] = await q<{ ip: string }>(t.orm, `select ip from bailleur_acces where type = 'telechargement_dossier' and candidature_id = ?`, [c.candidatureId]);
    expect(acces.ip).toBeTruthy();

    expect((await request(t.app).post(`/api/envois-bailleur/${r.body.envoiId}/revoquer`).set(bearer(tokens.c75)).send({})).status).toBe(404);
    const rv = await request(t.app).post(`/api/envois-bailleur/${r.body.envoiId}/revoquer`).set(bearer(tokens.c69)).send({ motif: 'Mauvais destinataire' });
    expect(rv.status).toBe(200);
    const apres = await page.get('/candidatures');
    expect(apres.status).toBe(410);
    expect(apres.body.code).toBe('LIEN_REVOQUE');
    expect((await page.ouvrir(jeton)).status).toBe(410);
    expect((await request(t.app).post(`/api/envois-bailleur/${r.body.envoiId}/revoquer`).set(bearer(tokens.c69)).send({})).body.code).toBe('LIEN_DEJA_REVOQUE');
    expect((await suivi()).body.envois[0].revoqueLe).toBeTruthy();
  });
});

describe('GET /api/offres/:id/envois-bailleur', () => {
  it('R-BAIL-LIEN: the offer\'s envois with « envoyé, ouvert, téléchargé » and the decision per candidature, in the agent\'s scope only', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c1 = await transmise(t.orm, b.offreId, hier());
    const c2 = await transmise(t.orm, b.offreId, hier());
    const suivi = (token: string) => request(t.app).get(`/api/offres/${b.offreId}/envois-bailleur`).set(bearer(token));
    expect((await suivi(tokens.c69)).body).toEqual({ envois: [] });
    const envoiLe = t.clock.now();
    const r = await envoyer(t.app, tokens.c69, `offres/${b.offreId}`);
    expect(r.status).toBe(201);
    let s = (await suivi(tokens.manager)).body;
    expect(s.envois).toHaveLength(1);
    expect(s.envois[0]).toMatchObject({ id: r.body.envoiId, origine: 'offre', envoyeLe: envoiLe.toISOString(), destinataire: b.email, nombreCandidatures: 2, ouvertLe: null, ouvertures: 0, revoqueLe: null });
    expect(s.envois[0].agent).toMatch(/\S+ \S+/);

    const page = pageBailleur(t.app);
    t.clock.advance(60_000);
    const ouvertLe = t.clock.now();
    expect((await page.ouvrir((await jetonDe(t.orm, r.body.envoiId)).jeton)).status).toBe(201);
    t.clock.advance(60_000);
    const telechargeLe = t.clock.now();
    expect((await page.get(`/candidatures/${c1.candidatureId}/dossier`)).status).toBe(200);
    const jour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(hier());
    expect((await page.post(`/candidatures/${c1.candidatureId}/decision`, { decision: 'attribuee', dateCaleol: jour })).status).toBe(200);

    s = (await suivi(tokens.c69)).body;
    expect(s.envois[0]).toMatchObject({ ouvertLe: ouvertLe.toISOString(), ouvertures: 1 });
    const parId = new Map(s.envois[0].candidatures.map((c: { candidatureId: number }) => [c.candidatureId, c]));
    expect(parId.get(c1.candidatureId)).toMatchObject({
      reference: c1.reference, statut: 'attribuee', decision: 'attribuee', telechargeLe: telechargeLe.toISOString(), telechargements: 1,
    });
    expect(String((parId.get(c1.candidatureId) as { dateCaleol: string }).dateCaleol)).toContain(hier().toISOString().slice(0, 10));
    expect(parId.get(c2.candidatureId)).toMatchObject({ statut: 'transmise_bailleur', decision: null, telechargeLe: null, telechargements: 0 });
    expect((await suivi(tokens.c75)).status).toBe(404);
  });
});

describe('the delivered mail (a database of its own: the delivery takes every due row)', () => {
  let db: BaseDediee;
  beforeAll(async () => {
    db = await baseDediee(inject('adminDatabaseUrl'), 'envoi_bailleur');
  });
  afterAll(async () => db?.fermer());

  it('R-BAIL-LIEN: the delivered mail carries a random token that opens the page; after delivery the outbox row holds neither the token nor its ciphertext', async () => {
    const clock = new FakeClock();
    const app = createApp(testContext(db.orm, clock));
    const secret = loadConfig({}).secret;
    const s = await socle(db.orm, 1);
    const { candidatureIds } = await dossier(db.orm, s, hierDe(clock), ['transmise_bailleur']);
    await sql(db.orm, `update candidature set designee_le = ? where id = any(?::int[])`, [hierDe(clock), `{${candidatureIds.join(',')}}`]);
    const r = await db.orm.em.fork().transactional((tx) =>
      envoyerAuBailleur(tx, { origine: 'candidature', bailleurId: s.bailleurId, candidatureIds, agentId: s.agentId, strict: true, secret }, clock.now()));

    const envoyes: { to: string; text: string; html: string }[] = [];
    const expediteur: Expediteur = { sendMail: async (m) => void envoyes.push(m) };
    const livraisonOptions = {
      expediteur, from: 'x@als.example', domaine: 'als.example', parMinute: 100, maxTentatives: 3, bailMs: 60_000, lot: 10, dureeMaxMs: 5000, secret,
    };
    const livraison = await livrerNotifications(db.orm.em.fork(), clock.now(), livraisonOptions);
    expect(livraison).toMatchObject({ envoyees: 1, echecs: 0 });
    const [mail] = envoyes;
    const jeton = /\/bailleur\/#([A-Za-z0-9_-]{43})\b/.exec(mail.text)![1];
    expect(mail.html).toContain(jeton);
    expect(Buffer.from(jeton, 'base64url')).toHaveLength(32);
    const [lien] = await sql<Record<string, unknown>>(db.orm, `select * from bailleur_lien where id = ?`, [r.lienId]);
    expect(lien.token_hash).toBe(hashToken(jeton));
    expect(JSON.stringify(lien)).not.toContain(jeton);
    const [n] = await sql<Record<string, unknown>>(db.orm, `select * from notification where entite = 'bailleur_envoi' and entite_id = ?`, [r.envoiId]);
    expect(n).toMatchObject({ statut: 'envoyee', jeton_chiffre: null });
    expect(JSON.stringify(n)).not.toContain(jeton);

    const page = pageBailleur(app);
    expect((await page.ouvrir(jeton)).status).toBe(201);
    const liste = await page.get('/candidatures');
    expect(liste.status).toBe(200);
    expect(liste.body.enAttente.map((c: { id: number }) => c.id)).toEqual(candidatureIds);

    // Delivered once: a second delivery of the same row (an admin's resend) cannot rebuild the link.
    await sql(db.orm, `update notification set statut = 'a_envoyer', prochain_essai = ? where id = ?`, [clock.now(), n.id]);
    const encore = await livrerNotifications(db.orm.em.fork(), clock.now(), livraisonOptions);
    expect(encore).toMatchObject({ envoyees: 0, echecs: 1 });
    expect(envoyes).toHaveLength(1);
  });
});
