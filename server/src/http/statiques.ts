import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';

/** Hashed build files (Vite: assets/<name>-<hash>.<ext>): their name changes with their content. */
const HACHE = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const UN_AN = 365 * 24 * 3600 * 1000;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/** Cache-Control of a console file: a year and `immutable` for hashed files, an hour for the others. */
export function cacheConsole(urlPath: string) {
  return HACHE.test(urlPath) ? { maxAge: UN_AN, immutable: true } : { maxAge: 3600 * 1000, immutable: false };
}

/**
 * The console's files precompressed at build time (console/src/build/precompresser.ts writes `x.br` and
 * `x.gz` beside `x`): served with `Content-Encoding: br` (or gzip) when the browser accepts it,
 * the original's Content-Type and `Vary: Accept-Encoding`; anything else falls through to
 * express.static. No compression on the fly: nothing to spend per request.
 */
export function consolePrecompressee(racine: string): RequestHandler {
  const existe = new Map<string, boolean>();
  const a = (f: string) => {
    let v = existe.get(f);
    if (v === undefined) {
      v = existsSync(path.join(racine, f)) && statSync(path.join(racine, f)).isFile();
      existe.set(f, v);
    }
    return v;
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[path.extname(req.path).toLowerCase()];
    if (!type || req.path.includes('\0') || req.path.split('/').includes('..')) return next();
    const rel = req.path.replace(/^\/+/, '');
    const accepte = String(req.headers['accept-encoding'] ?? '');
    const codage = /\bbr\b/.test(accepte) && a(rel + '.br') ? 'br' : /\bgzip\b/.test(accepte) && a(rel + '.gz') ? 'gzip' : null;
    if (!codage && !a(rel + '.br') && !a(rel + '.gz')) return next();
    res.setHeader('Vary', 'Accept-Encoding');
    if (!codage) return next();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', codage);
    res.sendFile(rel + (codage === 'br' ? '.br' : '.gz'), { root: racine, ...cacheConsole(req.path) }, (e) => e && next(e));
  };
}

/**
 * The built console at `/` (app.ts, after `/api`): precompressed assets, the other files with their
 * cache, the bailleur's link page, and index.html for every other path (the console's own routes).
 * Files are sent with `root`, never by an absolute path: send's dotfile rule then looks only below
 * the root, so a project under a folder named `.something` (~/.cache/…, some CI workspaces) still
 * serves its console (an absolute path answered 404 on every console URL).
 */
export function servirConsole(app: Express, dist: string): void {
  app.use(consolePrecompressee(dist));
  app.use(express.static(dist, { index: false, setHeaders: (res, fichier) => {
    const c = cacheConsole('/' + path.relative(dist, fichier).split(path.sep).join('/'));
    res.setHeader('Cache-Control', `public, max-age=${c.maxAge / 1000}${c.immutable ? ', immutable' : ''}`);
  } }));
  // The bailleur's link page (its own Vite entry): the token stays in the fragment; nothing leaks by Referer.
  app.get(['/bailleur', '/bailleur/'], (_req, res) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile('bailleur/index.html', { root: dist });
  });
  app.get('/{*splat}', (_req, res) => res.sendFile('index.html', { root: dist }));
}
