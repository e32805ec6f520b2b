import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, CONSOLE_DIST } from '@server/app';
import { loadConfig } from '@server/config';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { q } from '@test/api/portail/fixtures';

const t = useTestApp();

describe('SEC-ENTETES: CSP, HSTS over HTTPS, Permissions-Policy', () => {
  it('every answer carries the CSP (default-src self, frame-ancestors none, object-src none) and a Permissions-Policy; no HSTS over plain HTTP', async () => {
    for (const url of ['/api/health', '/api/candidatures', '/']) {
      const r = await request(t.app).get(url);
      const csp = r.headers['content-security-policy'];
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(r.headers['permissions-policy']).toContain('camera=()');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('HSTS when the session cookie is Secure (COOKIE_SECURE: served over HTTPS)', async () => {
    const https = createApp({ orm: t.orm, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false, cookieSecure: true } });
    const r = await request(https).get('/api/health');
    expect(r.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
  });
});

describe('PERF-ETAG: API answers are no-store, without an ETag', () => {
  it('a JSON list carries Cache-Control no-store and no ETag (nothing hashed per answer); an If-None-Match gets the body again', async () => {
    const a = await createAgent(t.orm, 'conseiller', ['69'], 'etag');
    const jeton = await login(t.app, a.email, a.password);
    const r = await request(t.app).get('/api/offres').set(bearer(jeton));
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers.etag).toBeUndefined();
    const encore = await request(t.app).get('/api/offres').set(bearer(jeton)).set('If-None-Match', 'W/"x"');
    expect(encore.status).toBe(200);
  });
});

describe('SEC-SOURCEMAP: no source map is served', () => {
  const crees: string[] = [];
  beforeAll(() => {
    // A build that left maps behind (the default before): the server must still not hand them out.
    for (const dir of [CONSOLE_DIST, path.join(CONSOLE_DIST, 'assets')]) {
      if (!existsSync(dir)) {
        mkdirSync(dir);
        crees.unshift(dir);
      }
    }
    if (!existsSync(path.join(CONSOLE_DIST, 'index.html'))) {
      writeFileSync(path.join(CONSOLE_DIST, 'index.html'), '<!doctype html><title>test</title>');
      crees.unshift(path.join(CONSOLE_DIST, 'index.html'));
    }
    writeFileSync(path.join(CONSOLE_DIST, 'assets', 'securite-test.js.map'), '{"version":3,"sources":["src/secret.ts"]}');
    crees.unshift(path.join(CONSOLE_DIST, 'assets', 'securite-test.js.map'));
  });
  afterAll(() => {
    for (const f of crees) rmSync(f, { recursive: true, force: true });
  });

  it('/assets/*.map answers 404 without a session, even when the file exists', async () => {
    const app = createApp({ orm: t.orm, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false } });
    const r = await request(app).get('/assets/securite-test.js.map');
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('secret.ts');
  });
});

describe('SEC-CSRF: a cookie-borne state change from another site is refused', () => {
  let cookie: string;
  let token: string;
  let candidatureId: number;
  beforeAll(async () => {
    const a = await createAgent(t.orm, 'conseiller', ['69']);
    const r = await request(t.app).post('/api/auth/login').send({ email: a.email, password: a.password });
    cookie = String(r.headers['set-cookie']).split(';')[0];
    token = await login(t.app, a.email, a.password);
    const [c] = await q<{ id: number }>(t.orm, `select id from candidature where departement = '69' and statut = 'deposee' and agent_en_charge_id is null order by id limit 1`);
    candidatureId = c.id;
  });
  const prendre = () => request(t.app).post(`/api/candidatures/${candidatureId}/prendre`).set('Cookie', cookie).set('Content-Type', 'text/plain').send('x');
  const tenu = async () => (await q<{ agent_en_charge_id: number | null }>(t.orm, `select agent_en_charge_id from candidature where id = ?`, [candidatureId]))[0].agent_en_charge_id;

  it('Sec-Fetch-Site cross-site (a text/plain form POST with the cookie) → 403 ORIGINE_REFUSEE, nothing changes', async () => {
    const r = await prendre().set('Sec-Fetch-Site', 'cross-site').set('Origin', 'https://attaquant.example');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ORIGINE_REFUSEE');
    expect(await tenu()).toBeNull();
    expect((await prendre().set('Sec-Fetch-Site', 'same-site')).status).toBe(403);
  });

  it('without Sec-Fetch-Site, a foreign Origin (or "null") → 403; the console itself (same-origin) goes through', async () => {
    expect((await prendre().set('Origin', 'https://attaquant.example')).status).toBe(403);
    expect((await prendre().set('Origin', 'null')).status).toBe(403);
    expect(await tenu()).toBeNull();
    const r = await prendre().set('Sec-Fetch-Site', 'same-origin');
    expect(r.status).toBe(200);
    expect(await tenu()).not.toBeNull();
  });

  it('a Bearer request is not CSRF-able: it is not subject to the check; safe methods neither', async () => {
    // The dossier is held since the previous test: releasing it with the Bearer token goes through.
    const r = await request(t.app).post(`/api/candidatures/${candidatureId}/liberer`).set(bearer(token)).set('Sec-Fetch-Site', 'cross-site').send({});
    expect(r.status).toBe(200);
    expect(await tenu()).toBeNull();
    expect((await request(t.app).get('/api/candidatures').set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site')).status).toBe(200);
  });
});

describe('SEC-FICHIER: stored files are served sandboxed', () => {
  it('a piece: its detected type, Content-Disposition, CSP sandbox, nosniff', async () => {
    const a = await createAgent(t.orm, 'controle_fraude');
    const token = await login(t.app, a.email, a.password);
    const [j] = await q<{ id: number; mime: string }>(t.orm, `select id, mime from justificatif order by id limit 1`);
    const r = await request(t.app).get(`/api/justificatifs/${j.id}/fichier`).set(bearer(token));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain(j.mime);
    expect(r.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(r.headers['content-disposition']).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
