import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@server/config';
import { hashToken } from '@server/modules/auth/sessions';
import { lienBailleur, mailBailleurALivrer } from '@server/modules/bailleurs/envoyer';
import { LIEN_MASQUE } from '@server/modules/comptes/liens';
import { bearer, login, useTestApp } from '@test/support/app';
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
const hier = () => new Date(t.clock.now().getTime() - 86_400_000);

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
    // The secret is stored nowhere: the outbox row shows « [lien masqué] »; the delivery rebuilds the link.
    const [n] = await q<{ template: string; donnees: Record<string, unknown>; corps: string }>(
      t.orm, `select template, donnees, corps from notification where entite = 'bailleur_envoi' and entite_id = ?`, [r.body.envoiId]);
    expect(n.corps).toContain(LIEN_MASQUE);
    expect(JSON.stringify(n)).not.toContain(mail.jeton);
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

  it('R-BAIL-LIEN: from a finished designations export, its candidatures still awaiting the bailleur', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c = await transmise(t.orm, b.offreId, hier());
    const [{ id: agentId }] = await q<{ id: number }>(t.orm, `select id from agent where role = 'manager' limit 1`);
    const jour = t.clock.now().toISOString().slice(0, 10);
    const [x] = await q<{ id: number }>(t.orm,
      `insert into export (kind, params, destinataire, statut, progression, agent_id, created_at) values ('designations_bailleur', ?::jsonb, ?, 'termine', 100, ?, now()) returning id`,
      [JSON.stringify({ bailleurId: b.bailleurId, from: '2026-01-01', to: jour }), b.nom, agentId]);
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
