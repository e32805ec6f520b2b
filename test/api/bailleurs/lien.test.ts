import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@server/app';
import { Limiteur } from '@server/http/rateLimit';
import { login, testContext, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { bailleurEtOffre, envoyer, jetonDe, pageBailleur, transmise } from './fixtures';

const t = useTestApp();
let manager: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'manager', [], 'lien');
  manager = await login(t.app, a.email, a.password);
});
const hier = () => new Date(t.clock.now().getTime() - 86_400_000);

/** A bailleur with `n` transmitted candidatures sent in one envoi from their offer; returns its token. */
async function envoiDe(n: number) {
  const b = await bailleurEtOffre(t.orm);
  const cs = [];
  for (let i = 0; i < n; i++) cs.push(await transmise(t.orm, b.offreId, hier()));
  const r = await envoyer(t.app, manager, `offres/${b.offreId}`);
  expect(r.status).toBe(201);
  return { ...b, cs, envoiId: r.body.envoiId as number, jeton: (await jetonDe(t.orm, r.body.envoiId)).jeton };
}

describe('POST /api/bailleur/session (the link of the mail)', () => {
  it('R-BAIL-LIEN: an unknown or malformed token → 401 LIEN_INVALIDE; a good one → a short httpOnly SameSite=Strict cookie scoped to /api/bailleur', async () => {
    const e = await envoiDe(1);
    expect((await pageBailleur(t.app).ouvrir('x'.repeat(43))).body.code).toBe('LIEN_INVALIDE');
    expect((await pageBailleur(t.app).ouvrir('<script>')).status).toBe(401);
    const r = await pageBailleur(t.app).ouvrir(e.jeton);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ bailleur: e.nom });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^als_bailleur=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/bailleur/);
    expect(cookie).not.toContain(e.jeton);
  });

  it('R-BAIL-LIEN: valid 14 days: a second before it opens; at expiry → 410 LIEN_EXPIRE, also for a page already open', async () => {
    const e = await envoiDe(1);
    const debut = t.clock.now().getTime();
    try {
      t.clock.set(new Date(debut + 14 * 86_400_000 - 1000));
      const page = pageBailleur(t.app);
      const ouverte = await page.ouvrir(e.jeton);
      expect(ouverte.status).toBe(201);
      // The cookie lives 1 s of real time (Max-Age follows the link): sent by hand, so a slow
      // machine cannot drop it from the jar before the second call and turn this into a 401.
      const cookie = /als_bailleur=[^;]+/.exec(String(ouverte.headers['set-cookie']))![0];
      const lire = () => request(t.app).get('/api/bailleur/candidatures').set('X-ALS-Bailleur', '1').set('Cookie', cookie);
      expect((await lire()).status).toBe(200);
      t.clock.advance(1000);
      const r = await lire();
      expect(r.status).toBe(410);
      expect(r.body.code).toBe('LIEN_EXPIRE');
      expect((await pageBailleur(t.app).ouvrir(e.jeton)).body.code).toBe('LIEN_EXPIRE');
    } finally {
      t.clock.set(new Date(debut));
    }
  });

  it('R-BAIL-LIEN: no cookie → 401; an agent\'s session opens nothing here, the bailleur\'s cookie nothing of the agents\' API', async () => {
    expect((await request(t.app).get('/api/bailleur/candidatures').set('X-ALS-Bailleur', '1')).status).toBe(401);
    expect((await request(t.app).get('/api/bailleur/candidatures').set('Authorization', `Bearer ${manager}`)).status).toBe(401);
    const e = await envoiDe(1);
    const page = pageBailleur(t.app);
    const r = await page.ouvrir(e.jeton);
    const valeur = /als_bailleur=([^;]+)/.exec(String(r.headers['set-cookie']))![1];
    expect((await request(t.app).get('/api/candidatures').set('Cookie', `als_session=${valeur}`)).status).toBe(401);
    expect((await request(t.app).get('/api/candidatures').set('Authorization', `Bearer ${valeur}`)).status).toBe(401);
  });

  it('R-BAIL-LIEN: writes only from the page itself (CSRF): without its header, cross-site or from another origin → 403', async () => {
    const e = await envoiDe(1);
    const page = pageBailleur(t.app);
    await page.ouvrir(e.jeton);
    const url = `/api/bailleur/candidatures/${e.cs[0].candidatureId}/decision`;
    const corps = { decision: 'attribuee', dateCaleol: '01/11/2026' };
    expect((await page.agent.post(url).send(corps)).body.code).toBe('ORIGINE_REFUSEE');
    expect((await page.agent.post(url).set('X-ALS-Bailleur', '1').set('Sec-Fetch-Site', 'cross-site').send(corps)).status).toBe(403);
    expect((await page.agent.post(url).set('X-ALS-Bailleur', '1').set('Origin', 'https://evil.example').send(corps)).status).toBe(403);
    expect((await page.agent.post(url).set('X-ALS-Bailleur', '1').set('Origin', 'not a url').send(corps)).status).toBe(403);
  });
});

describe('what a link shows', () => {
  it('R-BAIL-LIEN: a token of bailleur A never shows B\'s data: list, dossier, decision, spreadsheet', async () => {
    const a = await envoiDe(2);
    const b = await envoiDe(1);
    const pageA = pageBailleur(t.app);
    await pageA.ouvrir(a.jeton);
    const liste = await pageA.get('/candidatures');
    expect(liste.status).toBe(200);
    expect(liste.body.enAttente.map((c: { id: number }) => c.id).sort()).toEqual(a.cs.map((c) => c.candidatureId).sort());
    expect(JSON.stringify(liste.body)).not.toContain(b.cs[0].reference);
    const autre = b.cs[0].candidatureId;
    expect((await pageA.get(`/candidatures/${autre}/dossier`)).status).toBe(404);
    expect((await pageA.post(`/candidatures/${autre}/decision`, { decision: 'attribuee', dateCaleol: '01/11/2026' })).status).toBe(404);
    const tableau = await pageA.get('/tableau').buffer(true).parse((res, cb) => {
      const m: Buffer[] = [];
      res.on('data', (x: Buffer) => m.push(x));
      res.on('end', () => cb(null, Buffer.concat(m)));
    });
    expect(tableau.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tableau.body as unknown as ArrayBuffer);
    const refs: unknown[] = [];
    wb.worksheets[0].eachRow((row, n) => n > 1 && refs.push(row.getCell(1).value));
    expect(refs.sort()).toEqual(a.cs.map((c) => c.reference).sort());
    const [{ statut }] = await t.orm.em.fork().execute<{ statut: string }[]>(`select statut from candidature where id = ?`, [autre]);
    expect(statut).toBe('transmise_bailleur');
  });

  it('R-BAIL-LIEN: a link opens its own envoi only, not a later envoi to the same bailleur', async () => {
    const a = await envoiDe(1);
    const plusTard = await transmise(t.orm, a.offreId, hier());
    const r = await envoyer(t.app, manager, `candidatures/${plusTard.candidatureId}`);
    expect(r.status).toBe(201);
    const page = pageBailleur(t.app);
    await page.ouvrir(a.jeton);
    const ids = (await page.get('/candidatures')).body.enAttente.map((c: { id: number }) => c.id);
    expect(ids).toEqual([a.cs[0].candidatureId]);
    expect((await page.get(`/candidatures/${plusTard.candidatureId}/dossier`)).status).toBe(404);
  });
});

describe('rate limits (shared by replicas: PostgreSQL counters)', () => {
  /** The app with its limits (the other tests' app has none). */
  const appLimitee = () => createApp({ ...testContext(t.orm, t.clock, t.storage), limites: new Limiteur(t.orm, t.clock) });

  it('R-BAIL-LIEN: 20 refused openings from one address → 429 with Retry-After, even for a good link; another address still opens', async () => {
    const app = appLimitee();
    const e = await envoiDe(1);
    const ip = `198.51.100.${(process.pid % 200) + 1}`;
    const ouvrir = (jeton: string, depuis = ip) =>
      request(app).post('/api/bailleur/session').set('X-ALS-Bailleur', '1').set('X-Forwarded-For', depuis).set('Authorization', `Bearer ${jeton}`).send();
    for (let i = 0; i < 20; i++) expect((await ouvrir(`faux${i}`.padEnd(43, 'x'))).status).toBe(401);
    const r = await ouvrir(e.jeton);
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('TROP_DE_REQUETES');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ouvrir(e.jeton, '203.0.113.9')).status).toBe(201);
  });

  let adresses = 0;
  /** An address of this run's own (private range, from the pid): the counters live in the shared database. */
  const adresse = () => `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${++adresses}`;
  const refus = (r: request.Response, objet: RegExp) => {
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('TROP_DE_REQUETES');
    expect(r.body.detail).toMatch(objet);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('R-BAIL-LIEN: 300 calls per link in 10 min → the 301st is 429, whatever the address; another link from the same address still works', async () => {
    const app = appLimitee();
    const [e, autre] = [await envoiDe(1), await envoiDe(1)];
    const ips = [adresse(), adresse(), adresse()];
    const pages = ips.map((ip) => pageBailleur(app, ip));
    for (const p of pages) expect((await p.ouvrir(e.jeton)).status).toBe(201);
    // A route that does nothing after the limits (404): only the counting is measured.
    for (let i = 0; i < 300; i++) expect((await pages[i % 3].get('/rien')).status).toBe(404);
    refus(await pages[0].get('/candidatures'), /avec ce lien/);
    const nouvelle = pageBailleur(app, adresse());
    expect((await nouvelle.ouvrir(e.jeton)).status).toBe(201);
    refus(await nouvelle.get('/candidatures'), /avec ce lien/);
    const memeAdresse = pageBailleur(app, ips[0]);
    expect((await memeAdresse.ouvrir(autre.jeton)).status).toBe(201);
    expect((await memeAdresse.get('/candidatures')).status).toBe(200);
  });

  it('R-BAIL-LIEN: 600 calls per address in 10 min, across links → 429; another address still works', async () => {
    const app = appLimitee();
    const envois = [await envoiDe(1), await envoiDe(1), await envoiDe(1)];
    const ip = adresse();
    const pages = envois.map(() => pageBailleur(app, ip));
    for (const [i, p] of pages.entries()) expect((await p.ouvrir(envois[i].jeton)).status).toBe(201); // 3 calls counted
    for (let i = 0; i < 597; i++) expect((await pages[i % 3].get('/rien')).status).toBe(404); // 199 per link: under its 300
    refus(await pages[0].get('/candidatures'), /depuis votre adresse/);
    const ailleurs = pageBailleur(app, adresse());
    expect((await ailleurs.ouvrir(envois[0].jeton)).status).toBe(201);
    expect((await ailleurs.get('/candidatures')).status).toBe(200);
  });

  it('R-BAIL-LIEN: 120 dossier PDFs per link per hour → the 121st is 429 while the rest of the page still answers', async () => {
    const app = appLimitee();
    const e = await envoiDe(1);
    const page = pageBailleur(app, adresse());
    expect((await page.ouvrir(e.jeton)).status).toBe(201);
    // Counted before the PDF is built: an id outside the envoi answers 404 at once, and counts.
    for (let i = 0; i < 120; i++) expect((await page.get('/candidatures/2147483000/dossier')).status).toBe(404);
    refus(await page.get(`/candidatures/${e.cs[0].candidatureId}/dossier`), /téléchargements de dossiers/);
    expect((await page.get('/candidatures')).status).toBe(200);
  });

  it('R-BAIL-LIEN: 10 spreadsheet uploads per link per hour → the 11th is 429', async () => {
    const app = appLimitee();
    const e = await envoiDe(1);
    const page = pageBailleur(app, adresse());
    expect((await page.ouvrir(e.jeton)).status).toBe(201);
    // An empty body is refused (415) after the counting: nothing parsed, the upload still counts.
    for (let i = 0; i < 10; i++) expect((await page.televerser(Buffer.alloc(0))).status).toBe(415);
    refus(await page.televerser(Buffer.from('PK')), /envois de tableaux/);
    expect((await page.get('/candidatures')).status).toBe(200);
  });
});
