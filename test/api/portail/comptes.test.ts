import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { CGU, connexion, demandeurActif, derniereNotification, q } from './fixtures';
import { loadConfig } from '@server/config';
import { jetonDuLien, LIEN_MASQUE } from '@server/modules/comptes/liens';

const t = useTestApp();
const H = 3600_000;
const post = (url: string, body: unknown) => request(t.app).post(`/api/portail${url}`).send(body as object);
const nouveau = (email: string, motDePasse = 'trois mots au hasard ici') => post('/comptes', { civilite: 'Mme', nom: 'Durand', prenom: 'Léa', email, motDePasse });
let k = 0;
const email = () => `Lea.Durand.${process.pid}.${++k}@Exemple.FR`;

/**
 * The token of the latest verification mail, as the demandeur receives it: the outbox holds only
 * the link's id and « [lien masqué] », the delivery derives the token with the server's secret.
 * Waits a little for a resend, whose work runs after the answer.
 */
async function tokenDe(adresse: string, autreQue?: string) {
  for (let i = 0; ; i++) {
    const n = await derniereNotification(t.orm, adresse.toLowerCase(), 'compte_verification');
    const jeton = n ? jetonDuLien(loadConfig({}).secret, Number(n.donnees.lienId)) : null;
    if (jeton && jeton !== autreQue) {
      expect(n!.corps).toContain(LIEN_MASQUE);
      expect(JSON.stringify(n)).not.toContain(jeton);
      return jeton;
    }
    if (i > 40) throw new Error('verification mail not in the outbox');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('R-ACCOUNT: creation and password policy', () => {
  it('R-ACCOUNT: creates an a_verifier account, lower-cases the email, hashes the password, mails a 72 h link (only its sha256 stored)', async () => {
    const e = email();
    const r = await nouveau(e);
    expect(r.status).toBe(201);
    expect(r.body.statutCompte).toBe('a_verifier');
    const [d] = await q<{ email: string; statut_compte: string; password_hash: string }>(t.orm, `select email, statut_compte, password_hash from demandeur where email = ?`, [e.toLowerCase()]);
    expect(d.statut_compte).toBe('a_verifier');
    expect(d.password_hash).toMatch(/^\$argon2id\$/);
    const token = await tokenDe(e);
    const liens = await q<{ token_hash: string; expire_le: Date; cree_le: Date }>(t.orm, `select l.* from lien_verification l join demandeur d on d.id = l.demandeur_id where d.email = ?`, [e.toLowerCase()]);
    expect(liens).toHaveLength(1);
    expect(liens[0].token_hash).not.toContain(token);
    expect(liens[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(liens[0].expire_le).getTime() - new Date(liens[0].cree_le).getTime()).toBe(72 * H);
  });

  it('R-ACCOUNT: password of 11 characters refused, 12 accepted, 129 refused, 128 accepted; no composition rule', async () => {
    expect((await nouveau(email(), 'abcdefghijk')).status).toBe(400);
    expect((await nouveau(email(), 'mon chat gris')).status).toBe(201); // 13, lower case and spaces only
    expect((await nouveau(email(), 'x'.repeat(127) + 'y' + 'z')).status).toBe(400);
    expect((await nouveau(email(), 'é'.repeat(64) + 'a'.repeat(64))).status).toBe(201);
    const r = await nouveau(email(), 'abcdefghijk');
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.errors[0].field).toBe('motDePasse');
  });

  it('R-ACCOUNT: the most common passwords are refused, whatever their case', async () => {
    for (const p of ['motdepasse123', 'AZERTYUIOP123', '123456789012']) {
      const r = await nouveau(email(), p);
      expect(r.status, p).toBe(400);
      expect(r.body.detail).toMatch(/plus utilisés/);
    }
  });

  it('R-ONE-ACCOUNT: one account per email, case-insensitive, with the same answer (no account oracle) and a notice to the owner', async () => {
    const e = email();
    expect((await nouveau(e)).status).toBe(201);
    const [d] = await q<{ id: number }>(t.orm, `select id from demandeur where email = ?`, [e.toLowerCase()]);
    await q(t.orm, `update demandeur set statut_compte = 'actif' where id = ?`, [d.id]);
    t.clock.advance(61_000); // one mail per minute and account at most
    const again = await nouveau(e.toUpperCase());
    t.clock.advance(-61_000);
    expect(again.status).toBe(201);
    expect(again.body.message).toBeDefined();
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from demandeur where lower(email) = ?`, [e.toLowerCase()]);
    expect(n).toBe(1);
    expect(await derniereNotification(t.orm, e.toLowerCase(), 'compte_existant')).not.toBeNull();
  });

  it('R-ACCOUNT: rejects malformed input with 400 and field errors', async () => {
    const r = await post('/comptes', { civilite: 'X', nom: '', email: 'pas-un-email', motDePasse: 12 });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((x: { field: string }) => x.field).sort()).toEqual(['civilite', 'email', 'motDePasse', 'nom', 'prenom']);
    expect((await post('/comptes', { civilite: 'M', nom: 'A', prenom: 'B', email: email(), motDePasse: 'assez long mot de passe', role: 'admin' })).status).toBe(400);
  });
});

describe('R-ACCOUNT: the 72 h verification link', () => {
  it('R-ACCOUNT: the link still works at exactly 72 h', async () => {
    const e = email();
    await nouveau(e);
    const token = await tokenDe(e);
    t.clock.advance(72 * H);
    const r = await post('/comptes/verifier', { token });
    expect(r.status).toBe(200);
    expect(r.body.statutCompte).toBe('actif');
    t.clock.advance(-72 * H);
    const again = await post('/comptes/verifier', { token }); // single use
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('LIEN_EXPIRE');
  });

  it('R-ACCOUNT: the link is expired at 72 h + 1 s (410 LIEN_EXPIRE, account unchanged); a new link works', async () => {
    const e = email();
    await nouveau(e);
    const token = await tokenDe(e);
    t.clock.advance(72 * H + 1000);
    try {
      const r = await post('/comptes/verifier', { token });
      expect(r.status).toBe(410);
      expect(r.body.code).toBe('LIEN_EXPIRE');
      const [d] = await q<{ statut_compte: string }>(t.orm, `select statut_compte from demandeur where email = ?`, [e.toLowerCase()]);
      expect(d.statut_compte).toBe('a_verifier');
      const renvoi = await post('/comptes/renvoyer-lien', { email: e });
      expect(renvoi.status).toBe(202);
      const nouveauToken = await tokenDe(e, token);
      expect(nouveauToken).not.toBe(token);
      expect((await post('/comptes/verifier', { token })).status).toBe(410);
      expect((await post('/comptes/verifier', { token: nouveauToken })).status).toBe(200);
    } finally {
      t.clock.advance(-(72 * H + 1000));
    }
  });

  it('R-ACCOUNT: resending answers the same for an unknown, a verified and a pending email; a new link supersedes the old one', async () => {
    const inconnu = await post('/comptes/renvoyer-lien', { email: `personne.${process.pid}@exemple.fr` });
    const actif = await demandeurActif(t.orm);
    const verifie = await post('/comptes/renvoyer-lien', { email: actif.email });
    const e = email();
    await nouveau(e);
    const ancien = await tokenDe(e);
    t.clock.advance(61_000);
    const enAttente = await post('/comptes/renvoyer-lien', { email: e });
    t.clock.advance(-61_000);
    for (const r of [inconnu, verifie, enAttente]) {
      expect(r.status).toBe(202);
      expect(r.body).toEqual(inconnu.body);
    }
    expect(await tokenDe(e, ancien)).not.toBe(ancien);
    expect((await post('/comptes/verifier', { token: ancien })).status).toBe(410);
    expect((await post('/comptes/verifier', { token: 'inconnu' })).status).toBe(400);
  });
});

describe('R-ACCOUNT, R-SESSION: login, CGU, logout, idle expiry', () => {
  it('R-ACCOUNT: an unverified account cannot log in (403 COMPTE_A_VERIFIER); wrong password and unknown email get the same 401', async () => {
    const e = email();
    await nouveau(e, 'trois mots au hasard ici');
    const r = await post('/connexion', { email: e, motDePasse: 'trois mots au hasard ici' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('COMPTE_A_VERIFIER');
    const a = await demandeurActif(t.orm);
    const faux = await post('/connexion', { email: a.email, motDePasse: 'mauvais mot de passe' });
    const inconnu = await post('/connexion', { email: `x.${process.pid}@exemple.fr`, motDePasse: 'mauvais mot de passe' });
    expect(faux.status).toBe(401);
    expect(inconnu.status).toBe(401);
    expect({ ...faux.body, instance: null }).toEqual({ ...inconnu.body, instance: null }); // instance: each request's own id
  });

  it('R-ACCOUNT: after verification the CGU must be accepted before use (403 CGU_A_ACCEPTER), then the space opens', async () => {
    const e = email();
    await nouveau(e, 'trois mots au hasard ici');
    await post('/comptes/verifier', { token: await tokenDe(e) });
    const r = await post('/connexion', { email: e.toUpperCase(), motDePasse: 'trois mots au hasard ici' });
    expect(r.status).toBe(200);
    expect(r.body.cguAAccepter).toBe(true);
    expect(r.headers['set-cookie'][0]).toMatch(/^als_portail=.*HttpOnly/i);
    const token = r.body.token;
    for (const url of ['/demande', '/candidatures', '/propositions', '/compte']) {
      const g = await request(t.app).get(`/api/portail${url}`).set(bearer(token));
      expect(g.status, url).toBe(403);
      expect(g.body.code).toBe('CGU_A_ACCEPTER');
    }
    expect((await request(t.app).get('/api/portail/offres').set(bearer(token))).body.code).toBe('CGU_A_ACCEPTER');
    const cgu = await request(t.app).get('/api/portail/cgu');
    expect(cgu.body.version).toBe(CGU);
    expect((await request(t.app).post('/api/portail/cgu/accepter').set(bearer(token)).send({ version: '2001-01' })).status).toBe(409);
    expect((await request(t.app).post('/api/portail/cgu/accepter').set(bearer(token)).send({ version: CGU })).status).toBe(200);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token))).status).toBe(200);
    // The cookie alone works too.
    const cookie = r.headers['set-cookie'][0].split(';')[0];
    expect((await request(t.app).get('/api/portail/compte').set('Cookie', cookie)).status).toBe(200);
  });

  it('R-ACCOUNT: a new CGU version must be accepted at the next login (§6.1)', async () => {
    const a = await demandeurActif(t.orm);
    const token = await connexion(t.app, a.email);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token))).status).toBe(200);
    const v = `T${process.pid}`.slice(0, 20);
    await q(t.orm, `insert into cgu_version (version, publiee_le) values (?, ?)`, [v, new Date(t.clock.now().getTime() + 1000)]);
    try {
      t.clock.advance(2000);
      const g = await request(t.app).get('/api/portail/compte').set(bearer(token));
      expect(g.status).toBe(403);
      expect(g.body.code).toBe('CGU_A_ACCEPTER');
      const r = await request(t.app).post('/api/portail/connexion').send({ email: a.email, motDePasse: a.password });
      expect(r.body.cguAAccepter).toBe(true);
      expect(r.body.cguVersion).toBe(v);
      expect((await request(t.app).post('/api/portail/cgu/accepter').set(bearer(r.body.token)).send({ version: v })).status).toBe(200);
      expect((await request(t.app).get('/api/portail/compte').set(bearer(r.body.token))).status).toBe(200);
    } finally {
      await q(t.orm, `delete from cgu_version where version = ?`, [v]);
      await q(t.orm, `update demandeur set cgu_version_acceptee = ? where id = ?`, [CGU, a.id]);
      t.clock.advance(-2000);
    }
  });

  it('R-ACCOUNT: login records derniereConnexion (R-INACT activity)', async () => {
    const a = await demandeurActif(t.orm);
    await connexion(t.app, a.email);
    const [d] = await q<{ derniere_connexion: Date }>(t.orm, `select derniere_connexion from demandeur where id = ?`, [a.id]);
    expect(new Date(d.derniere_connexion).getTime()).toBe(t.clock.now().getTime());
  });

  it('R-SESSION: logout revokes the session; 30 min of inactivity ends it', async () => {
    const a = await demandeurActif(t.orm);
    const token = await connexion(t.app, a.email);
    expect((await request(t.app).post('/api/portail/deconnexion').set(bearer(token))).status).toBe(204);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token))).status).toBe(401);
    const token2 = await connexion(t.app, a.email);
    t.clock.advance(29 * 60_000);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token2))).status).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token2))).status).toBe(200); // activity at 29 min renewed it
    t.clock.advance(30 * 60_000);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(token2))).status).toBe(401);
    t.clock.advance(-88 * 60_000);
  });

  it('R-ACCOUNT: login is throttled like the agents’ (429 after 5 failures)', async () => {
    const a = await demandeurActif(t.orm);
    for (let i = 0; i < 5; i++) expect((await post('/connexion', { email: a.email, motDePasse: 'mauvais mot de passe' })).status).toBe(401);
    const r = await post('/connexion', { email: a.email, motDePasse: a.password });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('TROP_DE_TENTATIVES');
    t.clock.advance(60_000);
    expect((await post('/connexion', { email: a.email, motDePasse: a.password })).status).toBe(200);
    t.clock.advance(-60_000);
  });

  it('R-SESSION: a demandeur session never opens agent routes, an agent session never opens portal routes', async () => {
    const a = await demandeurActif(t.orm);
    const dTok = await connexion(t.app, a.email);
    const agent = await createAgent(t.orm, 'admin');
    const aTok = await login(t.app, agent.email, agent.password);
    expect((await request(t.app).get('/api/candidatures').set(bearer(dTok))).status).toBe(401);
    expect((await request(t.app).get('/api/auth/me').set(bearer(dTok))).status).toBe(401);
    expect((await request(t.app).get('/api/portail/compte').set(bearer(aTok))).status).toBe(401);
    expect((await request(t.app).get('/api/portail/demande').set(bearer(aTok))).status).toBe(401);
  });
});
