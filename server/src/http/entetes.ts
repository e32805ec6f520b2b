import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { HttpProblem } from './problem';

/**
 * Response headers and the cross-site check (OWASP ASVS 5.0 V3.4, V3.5):
 *
 * - helmet: a Content-Security-Policy that lets the console run from its own origin only
 *   (`default-src 'self'`, no plugin, no framing by another site, no inline script) — styles
 *   allow 'unsafe-inline' because MUI/emotion inject `<style>` elements at run time; HSTS (one
 *   year) when the session cookie is `Secure` (COOKIE_SECURE, i.e. served over HTTPS);
 *   nosniff, Referrer-Policy same-origin, X-Frame-Options DENY, COOP/CORP same-origin.
 * - Permissions-Policy: no camera, microphone, geolocation, payment, USB… for any page.
 * - `verifierOrigine`: a state-changing request (not GET/HEAD/OPTIONS) that does not carry a
 *   Bearer token (so it may ride on a cookie) is refused with 403 ORIGINE_REFUSEE when the
 *   browser says it comes from another site (`Sec-Fetch-Site` other than same-origin/none), or,
 *   without that header, when its `Origin` is not this server. Bearer requests cannot be forged
 *   by another site (a browser never adds the header by itself). SameSite=Strict cookies stay
 *   the first line; this is the second.
 * - `entetesFichier`: a stored file (piece, export) is served with its detected type, nosniff,
 *   `Content-Disposition` (inline or attachment, RFC 5987 name) and `Content-Security-Policy:
 *   sandbox` — a PDF+HTML or PNG+HTML polyglot opened directly can run nothing, and only this
 *   origin may frame it (the console's viewer).
 */
export function entetesSecurite(o: { hsts: boolean }): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: o.hsts ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), interest-cohort=()');
      next();
    },
  ];
}

const SURS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const verifierOrigine: RequestHandler = (req, _res, next) => {
  if (SURS.has(req.method) || /^Bearer\s/i.test(req.get('authorization') ?? '')) return next();
  const site = req.get('sec-fetch-site');
  const origine = req.get('origin');
  const refus = () => next(new HttpProblem(403, 'ORIGINE_REFUSEE', 'Requête refusée : elle vient d’un autre site que la console.'));
  if (site) return site === 'same-origin' || site === 'none' ? next() : refus();
  if (origine && origine !== 'null') {
    try {
      if (new URL(origine).host !== req.host) return refus();
    } catch {
      return refus();
    }
  } else if (origine === 'null') return refus();
  next();
};

/** Headers of a stored file sent to a browser (see above); `disposition` inline for the viewer, attachment for downloads. */
export function entetesFichier(res: Response, o: { mime: string; nom: string; disposition?: 'inline' | 'attachment' }) {
  const ascii = o.nom.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Content-Type', o.mime);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', `${o.disposition ?? 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(o.nom)}`);
  res.setHeader('Content-Security-Policy', "sandbox allow-downloads; frame-ancestors 'self'");
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cache-Control', 'private, no-store');
}
