import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { Limiteur } from '@server/http/rateLimit';
import { login, useTestApp } from '@test/support/app';
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
  it('R-BAIL-LIEN: 20 refused openings from one address → 429 with Retry-After, even for a good link; another address still opens', async () => {
    const app = createApp({ orm: t.orm, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false }, limites: new Limiteur(t.orm, t.clock) });
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
});
