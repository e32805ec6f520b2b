import express from 'express';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { precompresser } from '@console/build/precompresser';
import { cacheConsole, consolePrecompressee, servirConsole } from '@server/http/statiques';

/** Issue #19, console delivery: precompressed assets, immutable cache on hashed files (as app.ts mounts them). */
const dist = mkdtempSync(path.join(os.tmpdir(), 'als-dist-'));
const JS = `export const x = ${JSON.stringify('console '.repeat(2000))};\n`;
const app = express();
app.use(consolePrecompressee(dist));
app.use(express.static(dist, { index: false, setHeaders: (res, f) => {
  const c = cacheConsole('/' + path.relative(dist, f).split(path.sep).join('/'));
  res.setHeader('Cache-Control', `public, max-age=${c.maxAge / 1000}${c.immutable ? ', immutable' : ''}`);
} }));

beforeAll(() => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets', 'index-B4x9kLq2.js'), JS);
  writeFileSync(path.join(dist, 'logo.svg'), '<svg/>'); // under 1 kB: not precompressed
  expect(precompresser(dist)).toEqual([path.join(dist, 'assets', 'index-B4x9kLq2.js')]);
});

const binaire = (r: request.Response, cb: (e: Error | null, b: Buffer) => void) => {
  const morceaux: Buffer[] = [];
  r.on('data', (c: Buffer) => morceaux.push(c));
  r.on('end', () => cb(null, Buffer.concat(morceaux)));
};

describe('console assets (issue #19)', () => {
  it('brotli when accepted, with the JS type, Vary and a year immutable on a hashed file', async () => {
    const r = await request(app).get('/assets/index-B4x9kLq2.js').set('Accept-Encoding', 'gzip, deflate, br').buffer(true).parse(binaire);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.headers.vary).toMatch(/Accept-Encoding/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((r.body as Buffer).toString()).toBe(JS); // superagent decodes what it receives
    expect(Number(r.headers['content-length'])).toBeLessThan(JS.length / 10);
  });

  it('gzip for a browser without brotli; the plain file for none', async () => {
    const gz = await request(app).get('/assets/index-B4x9kLq2.js').set('Accept-Encoding', 'gzip').buffer(true).parse(binaire);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((gz.body as Buffer).toString()).toBe(JS);
    expect(Number(gz.headers['content-length'])).toBeLessThan(JS.length / 10);
    const brut = await request(app).get('/assets/index-B4x9kLq2.js').set('Accept-Encoding', 'identity');
    expect(brut.headers['content-encoding']).toBeUndefined();
    expect(brut.text).toBe(JS);
    expect(brut.headers.vary).toMatch(/Accept-Encoding/);
    expect(brut.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('an unhashed file is cached an hour, not immutable; no traversal', async () => {
    const r = await request(app).get('/logo.svg').set('Accept-Encoding', 'br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('public, max-age=3600');
    expect((await request(app).get('/assets/../../etc/passwd.js').set('Accept-Encoding', 'br')).status).toBe(404);
  });
});

describe('console under a folder whose name starts with a dot (issue #17)', () => {
  // ~/.cache/…, some CI workspaces: the repository path itself holds a dot folder.
  const racine = mkdtempSync(path.join(os.tmpdir(), 'als-'));
  const distPointe = path.join(racine, '.cache', 'depot', 'console', 'dist');
  const appPointee = express();
  servirConsole(appPointee, distPointe);
  beforeAll(() => {
    mkdirSync(path.join(distPointe, 'assets'), { recursive: true });
    mkdirSync(path.join(distPointe, 'bailleur'));
    writeFileSync(path.join(distPointe, 'index.html'), '<!doctype html><title>Console</title>');
    writeFileSync(path.join(distPointe, 'bailleur', 'index.html'), '<!doctype html><title>Bailleur</title>');
    writeFileSync(path.join(distPointe, 'assets', 'index-B4x9kLq2.js'), JS);
    precompresser(distPointe);
  });

  it('ISSUE-17: every console URL (a route of the console, the bailleur page, an asset, precompressed or not) is served, not 404', async () => {
    for (const url of ['/', '/candidatures/12/show', '/bailleur/']) {
      const r = await request(appPointee).get(url);
      expect(r.status, url).toBe(200);
      expect(r.text, url).toMatch(url === '/bailleur/' ? /Bailleur/ : /Console/);
    }
    expect((await request(appPointee).get('/assets/index-B4x9kLq2.js').set('Accept-Encoding', 'identity')).text).toBe(JS);
    const br = await request(appPointee).get('/assets/index-B4x9kLq2.js').set('Accept-Encoding', 'br').buffer(true).parse(binaire);
    expect(br.headers['content-encoding']).toBe('br');
    // The dotfile rule still holds below the root: a dot file of the build is not served.
    writeFileSync(path.join(distPointe, '.env'), 'SECRET=1');
    expect((await request(appPointee).get('/.env')).text).not.toContain('SECRET');
  });
});
