import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { Limiteur, REGLES } from '@server/http/rateLimit';
import { purgerLimites } from '@server/jobs/purgeLimites';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demandeurActif, q } from '@test/api/portail/fixtures';

/** The app with its rate limits on, as runServer builds it (useTestApp's app has none). */
const t = useTestApp();
let app: Express;
let ip = 0;
/** A fresh client address per test (TRUST_PROXY=loopback: supertest's X-Forwarded-For is believed). */
const nouvelleIp = () => `198.51.100.${++ip}`;
beforeAll(() => {
  app = createApp({ orm: t.orm, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false }, limites: new Limiteur(t.orm, t.clock) });
});
const probleme429 = (r: request.Response) => {
  expect(r.status).toBe(429);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(r.body.code).toBe('TROP_DE_REQUETES');
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
};

describe('SEC-LIMITE-CONNEXION: password spraying from one address', () => {
  it('40 e-mails × 4 guesses from one address meet a 429 after 30 failures, agents and portal together; shared by another replica; free again after the window', async () => {
    const from = nouvelleIp();
    const statuts: number[] = [];
    for (let e = 0; e < 40 && !statuts.includes(429); e++) {
      for (let g = 0; g < 4; g++) {
        const url = e % 2 ? '/api/auth/login' : '/api/portail/connexion';
        const body = e % 2 ? { email: `spray${e}@als.test`, password: `Devine-${g}-xxxxxx` } : { email: `spray${e}@exemple.fr`, motDePasse: `Devine-${g}-xxxxxx` };
        statuts.push((await request(app).post(url).set('X-Forwarded-For', from).send(body)).status);
      }
    }
    expect(statuts.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuts[30]).toBe(429);
    // The right password of a real agent is refused from that address too (then the window passes).
    const agent = await createAgent(t.orm, 'conseiller', ['69']);
    const orm2 = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 2 } }));
    try {
      const replica = createApp({ orm: orm2, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), demo: false }, limites: new Limiteur(orm2, t.clock) });
      probleme429(await request(replica).post('/api/auth/login').set('X-Forwarded-For', from).send({ email: agent.email, password: agent.password }));
    } finally {
      await orm2.close(true);
    }
    expect((await request(app).post('/api/auth/login').set('X-Forwarded-For', nouvelleIp()).send({ email: agent.email, password: agent.password })).status).toBe(200);
    t.clock.advance(REGLES.connexionIp.dureeSec * 1000);
    expect((await request(app).post('/api/auth/login').set('X-Forwarded-For', from).send({ email: agent.email, password: agent.password })).status).toBe(200);
  });
});

describe('SEC-LIMITE-CONNEXION: a concurrent burst on two replicas', () => {
  it('SEC-LIMITE-CONNEXION: 60 failed logins at once from one address, split over two app instances and both login routes, get at most 30 answers that are not 429', async () => {
    const from = nouvelleIp();
    const orm2 = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 10 } }));
    try {
      const replica = createApp({ orm: orm2, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), demo: false }, limites: new Limiteur(orm2, t.clock) });
      const statuts = await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const cible = i % 2 ? app : replica;
          const r = i % 4 < 2
            ? request(cible).post('/api/auth/login').send({ email: `rafale${i}@als.test`, password: 'Devine-xxxxxxxx' })
            : request(cible).post('/api/portail/connexion').send({ email: `rafale${i}@exemple.fr`, motDePasse: 'Devine-xxxxxxxx' });
          return r.set('X-Forwarded-For', from).then((x) => x.status);
        }),
      );
      // At most 30 reached argon2 (401, or 503 if a pool ran dry on a loaded machine); every other one was refused up front.
      expect(statuts.filter((s) => s !== 429).length).toBeLessThanOrEqual(REGLES.connexionIp.points);
      expect(statuts.filter((s) => s === 429).length).toBeGreaterThanOrEqual(60 - REGLES.connexionIp.points);
      expect(statuts.every((s) => [401, 429, 503].includes(s))).toBe(true);
    } finally {
      await orm2.close(true);
    }
  });

  it('SEC-LIMITE-CONNEXION: a successful login gives its point back (only failures count)', async () => {
    const from = nouvelleIp();
    const agent = await createAgent(t.orm, 'conseiller', ['69']);
    const echec = (i: number) => request(app).post('/api/auth/login').set('X-Forwarded-For', from).send({ email: `rendu${i}@als.test`, password: 'Devine-xxxxxxxx' });
    for (let i = 0; i < REGLES.connexionIp.points - 1; i++) expect((await echec(i)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await request(app).post('/api/auth/login').set('X-Forwarded-For', from).send({ email: agent.email, password: agent.password })).status).toBe(200);
    expect((await echec(99)).status).toBe(401);
    probleme429(await echec(100));
  });
});

describe('SEC-LIMITE-INSCRIPTION: account creation and resend floods', () => {
  it('the 11th account from one address in an hour is refused (429) and creates nothing', async () => {
    const from = nouvelleIp();
    const tag = `flood${process.pid}${Date.now()}`;
    const inscrire = (i: number) =>
      request(app).post('/api/portail/comptes').set('X-Forwarded-For', from).send({ civilite: 'Mme', nom: 'Flot', prenom: 'Ana', email: `${tag}.${i}@exemple.fr`, motDePasse: 'une phrase de passe assez longue' });
    for (let i = 0; i < 10; i++) expect((await inscrire(i)).status).toBe(201);
    probleme429(await inscrire(10));
    expect(await q(t.orm, `select id from demandeur where email like ?`, [`${tag}%`])).toHaveLength(10);
    expect(await q(t.orm, `select id from notification where destinataire = ?`, [`${tag}.10@exemple.fr`])).toHaveLength(0);
  });

  it('resend: 3 per e-mail and 10 per address in an hour, whether the account exists or not', async () => {
    const from = nouvelleIp();
    const renvoyer = (email: string, adresse = from) => request(app).post('/api/portail/comptes/renvoyer-lien').set('X-Forwarded-For', adresse).send({ email });
    for (let i = 0; i < 3; i++) expect((await renvoyer('personne@exemple.fr')).status).toBe(202);
    probleme429(await renvoyer('personne@exemple.fr', nouvelleIp()));
    for (let i = 0; i < 7; i++) expect((await renvoyer(`autre${i}@exemple.fr`)).status).toBe(202);
    probleme429(await renvoyer('encore@exemple.fr'));
  });
});

describe('SEC-LIMITE-DEPOT: uploads', () => {
  it('a demandeur deposits at most 20 pieces an hour (429 after), another demandeur is not affected', async () => {
    const a = await demandeurActif(t.orm);
    const b = await demandeurActif(t.orm);
    const [ta, tb] = [await connexion(app, a.email), await connexion(app, b.email)];
    const deposer = (token: string) =>
      request(app).post('/api/portail/justificatifs').set(bearer(token)).set('X-Forwarded-For', nouvelleIp()).field('type', 'identite').attach('fichier', Buffer.from('pas un fichier accepté'), 'x.txt');
    for (let i = 0; i < 20; i++) expect((await deposer(ta)).status).not.toBe(429);
    probleme429(await deposer(ta));
    expect((await deposer(tb)).status).not.toBe(429);
  });
});

describe('SEC-LIMITE-EXPORT-MATCHING: exports and matching per agent', () => {
  let manager: string;
  let fraude: string;
  beforeAll(async () => {
    const m = await createAgent(t.orm, 'manager');
    const f = await createAgent(t.orm, 'controle_fraude');
    manager = await login(app, m.email, m.password);
    fraude = await login(app, f.email, f.password);
  });

  it('the 21st export request of an agent in an hour is 429', async () => {
    for (let i = 0; i < 20; i++) expect((await request(app).post('/api/exports').set(bearer(manager)).set('X-Forwarded-For', nouvelleIp()).send({})).status).toBe(400);
    probleme429(await request(app).post('/api/exports').set(bearer(manager)).set('X-Forwarded-For', nouvelleIp()).send({}));
  });

  it('matching (correspondances and propositions together): 30 a minute per agent', async () => {
    for (let i = 0; i < 15; i++) expect((await request(app).get('/api/offres/999999/correspondances').set(bearer(fraude))).status).toBe(404);
    for (let i = 0; i < 15; i++) expect((await request(app).post('/api/propositions').set(bearer(fraude)).send({})).status).toBe(400);
    probleme429(await request(app).get('/api/offres/999999/correspondances').set(bearer(fraude)));
    t.clock.advance(60_000);
    expect((await request(app).get('/api/offres/999999/correspondances').set(bearer(fraude))).status).toBe(404);
  });
});

describe('SEC-LIMITE-ADRESSE: per-address limits, several accounts behind one address', () => {
  const agents = async (role: 'manager' | 'controle_fraude', n: number) =>
    Promise.all(Array.from({ length: n }, async () => {
      const a = await createAgent(t.orm, role);
      return login(app, a.email, a.password);
    }));

  it('SEC-LIMITE-DEPOT: 60 uploads an hour from one address, whoever the demandeurs: the 61st is 429', async () => {
    const from = nouvelleIp();
    const jetons = await Promise.all(Array.from({ length: 4 }, async () => connexion(app, (await demandeurActif(t.orm)).email)));
    const deposer = (token: string) =>
      request(app).post('/api/portail/justificatifs').set(bearer(token)).set('X-Forwarded-For', from).field('type', 'identite').attach('fichier', Buffer.from('pas un fichier accepté'), 'x.txt');
    for (let i = 0; i < REGLES.depotIp.points; i++) expect((await deposer(jetons[i % 3])).status).not.toBe(429);
    probleme429(await deposer(jetons[3]));
  });

  it('SEC-LIMITE-EXPORT: 60 exports an hour from one address (export requests and the list’s export.xlsx together): the 61st is 429, for a fresh agent too', async () => {
    const from = nouvelleIp();
    const [m1, m2, m3, m4] = await agents('manager', 4);
    for (const m of [m1, m2, m3]) {
      for (let i = 0; i < 10; i++) expect((await request(app).post('/api/exports').set(bearer(m)).set('X-Forwarded-For', from).send({})).status).toBe(400);
      for (let i = 0; i < 10; i++) expect((await request(app).get('/api/candidatures/export.xlsx?filter=pasdujson').set(bearer(m)).set('X-Forwarded-For', from)).status).toBe(400);
    }
    probleme429(await request(app).get('/api/candidatures/export.xlsx').set(bearer(m4)).set('X-Forwarded-For', from));
  });

  it('SEC-LIMITE-MATCHING: 120 matching requests a minute from one address: the 121st is 429, for a fresh agent too', async () => {
    const from = nouvelleIp();
    const [a, b, c, d, e] = await agents('controle_fraude', 5);
    for (const jeton of [a, b, c, d]) {
      for (let i = 0; i < 30; i++) expect((await request(app).get('/api/offres/999999/correspondances').set(bearer(jeton)).set('X-Forwarded-For', from)).status).toBe(404);
    }
    probleme429(await request(app).post('/api/propositions').set(bearer(e)).set('X-Forwarded-For', from).send({}));
  });
});

describe('SEC-LIMITE-ARCHIVES: the archives downloaded on the spot', () => {
  it('SEC-LIMITE-EXPORT: the list’s export.xlsx counts with the agent’s export requests (20 an hour)', async () => {
    const m = await createAgent(t.orm, 'manager');
    const jeton = await login(app, m.email, m.password);
    for (let i = 0; i < 10; i++) expect((await request(app).post('/api/exports').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp()).send({})).status).toBe(400);
    for (let i = 0; i < 10; i++) expect((await request(app).get('/api/candidatures/export.xlsx?filter=pasdujson').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp())).status).toBe(400);
    probleme429(await request(app).get('/api/candidatures/export.xlsx').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp()));
  });

  it('SEC-LIMITE-ARCHIVE: an agent downloads 60 archives an hour, pieces.zip and donnees.zip together: the 61st is 429', async () => {
    const f = await createAgent(t.orm, 'controle_fraude');
    const jeton = await login(app, f.email, f.password);
    for (let i = 0; i < 30; i++) expect((await request(app).get('/api/candidatures/999999/pieces.zip').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp())).status).toBe(404);
    for (let i = 0; i < 30; i++) expect((await request(app).get('/api/demandeurs/999999/donnees.zip?demandePar=courrier').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp())).status).toBe(404);
    probleme429(await request(app).get('/api/candidatures/999999/pieces.zip').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp()));
    probleme429(await request(app).get('/api/demandeurs/999999/donnees.zip?demandePar=courrier').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp()));
  });

  it('SEC-LIMITE-ARCHIVE: a demandeur asks for a copy of their data 10 times an hour, JSON and ZIP together: the 11th is 429', async () => {
    const jeton = await connexion(app, (await demandeurActif(t.orm)).email);
    for (let i = 0; i < 5; i++) expect((await request(app).get('/api/portail/mes-donnees').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp())).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await request(app).get('/api/portail/mes-donnees.zip').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp())).status).toBe(200);
    probleme429(await request(app).get('/api/portail/mes-donnees.zip').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp()));
    probleme429(await request(app).get('/api/portail/mes-donnees').set(bearer(jeton)).set('X-Forwarded-For', nouvelleIp()));
  });
});

describe('SEC-LIMITE-PURGE: counters that no longer matter are purged', () => {
  it('ended rate windows and login_throttle rows idle for 24 h without a running lock (exactly 24 h purged, 1 ms less kept; a window ending 1 ms from now kept)', async () => {
    const now = t.clock.now();
    const vieux = new Date(now.getTime() - 25 * 3600_000);
    await q(t.orm, `insert into login_throttle (kind, email, consecutive_failures, window_start, window_failures, updated_at) values ('agent', 'purge-vieux@als.test', 3, ?, 3, ?)`, [vieux, vieux]);
    await q(t.orm, `insert into login_throttle (kind, email, consecutive_failures, locked_until, window_start, window_failures, updated_at) values ('agent', 'purge-verrou@als.test', 12, ?, ?, 12, ?)`, [new Date(now.getTime() + 3600_000), vieux, vieux]);
    await q(t.orm, `insert into login_throttle (kind, email, consecutive_failures, window_start, window_failures, updated_at) values ('agent', 'purge-recent@als.test', 1, ?, 1, ?)`, [now, now]);
    // The edge: idle exactly 24 h is purged, 1 ms less is kept.
    const bord = new Date(now.getTime() - 24 * 3600_000);
    const presque = new Date(bord.getTime() + 1);
    await q(t.orm, `insert into login_throttle (kind, email, consecutive_failures, window_start, window_failures, updated_at) values ('agent', 'purge-bord-24h@als.test', 2, ?, 2, ?), ('agent', 'purge-presque-24h@als.test', 2, ?, 2, ?)`, [bord, bord, presque, presque]);
    await q(t.orm, `insert into limite_debit (cle, points, fin) values ('purge:fini', 3, ?), ('purge:encours', 3, ?)`, [now, new Date(now.getTime() + 1)]);
    const r = await purgerLimites(t.orm.em.fork(), now);
    expect(r.connexions).toBeGreaterThanOrEqual(2);
    const restants = (await q<{ email: string }>(t.orm, `select email from login_throttle where email like 'purge-%'`)).map((x) => x.email).sort();
    expect(restants).toEqual(['purge-presque-24h@als.test', 'purge-recent@als.test', 'purge-verrou@als.test']);
    expect((await q<{ cle: string }>(t.orm, `select cle from limite_debit where cle like 'purge:%'`)).map((x) => x.cle)).toEqual(['purge:encours']);
  });
});
