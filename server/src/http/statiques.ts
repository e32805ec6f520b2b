import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

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
 * The console's files precompressed at build time (console/precompresser.ts writes `x.br` and
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
