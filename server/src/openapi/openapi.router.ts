import express, { Router, type RequestHandler } from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '@server/context';
import { requireAgent } from '@server/http/authenticate';
import { z } from 'zod';
import { HttpProblem } from '@server/http/problem';
import { documentOpenApi } from './document';
import { decrireRoute } from './registry';

const ICI = path.dirname(fileURLToPath(import.meta.url));
const SWAGGER = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** The only files of swagger-ui-dist served (no standalone preset: no box to load another document). */
const FICHIERS_SWAGGER = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);
const FICHIERS_PAGE = new Set(['index.html', 'docs.js', 'docs.css']);
/** The reference page: scripts and styles from this origin only (Swagger UI sets some style attributes). */
const CSP_DOCS = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

decrireRoute({
  method: 'get', path: '/api/openapi.json', auth: 'public', tags: ['contrat'],
  summary: 'Ce contrat, au format OpenAPI 3.1',
  description: 'Généré au démarrage à partir des schémas zod avec lesquels le serveur valide les requêtes.',
  reponse: { json: z.record(z.string(), z.unknown()), description: 'Le document OpenAPI 3.1 (JSON)' },
});
// /api/health is answered in app.ts (its database part is the `concurrence` lane); described here.
decrireRoute({
  method: 'get', path: '/api/health', auth: 'public', tags: ['contrat'], summary: 'État du service (sonde des répartiteurs de charge)', sansBase: true,
  description: 'PostgreSQL est interrogé par un petit pool dédié (réponse en 1 s au plus, même quand le pool de l’application est saturé). '
    + 'Base injoignable : 503 avec `Retry-After` et le corps JSON `{"status":"degraded","database":"down","time":…}` (pas un problème), puis 200 dès son retour.',
  reponse: { json: z.looseObject({
    status: z.string(), database: z.enum(['up', 'down']), time: z.iso.datetime(),
    replicas: z.number().int().optional().describe('Nombre de répliques de lecture (DATABASE_REPLICA_URLS), absent sans réplique'),
    communes: z.enum(['chargees', 'vide']).optional().describe('« vide » tant que le référentiel des communes n’est pas importé (toute demande est alors refusée en COMMUNE_INCONNUE) ; absent quand la base est injoignable'),
    avertissements: z.array(z.string()).optional().describe('Ce qu’un exploitant doit faire (en français), absent quand tout va bien'),
  }) },
});
decrireRoute({
  method: 'get', path: '/api/docs', auth: 'agent', tags: ['contrat'], summary: 'Référence interactive de l’API (page HTML, agents connectés)',
  reponse: { fichier: ['text/html'] },
});
decrireRoute({
  method: 'get', path: '/api/docs/{fichier}', auth: 'agent', tags: ['contrat'], summary: 'Fichiers de la référence interactive (scripts, styles)',
  reponse: { fichier: ['application/javascript', 'text/css', 'image/png', 'text/html'] },
});

/** A browser without a session gets a French page pointing to the console, not a JSON problem. */
const agentOuPageConnexion = (ctx: AppContext): RequestHandler => {
  const exiger = requireAgent(ctx);
  return (req, res, next) =>
    exiger(req, res, (err?: unknown) => {
      if (err instanceof HttpProblem && err.status === 401 && req.accepts(['html', 'json']) === 'html') {
        res.status(401).type('html').setHeader('Content-Security-Policy', CSP_DOCS);
        return res.send('<!doctype html><html lang="fr"><meta charset="utf-8"><title>Connexion requise</title><p>La référence de l’API est réservée aux agents : <a href="/">connectez-vous à la console</a>, puis revenez sur cette page.</p></html>');
      }
      next(err);
    });
};

/** `/api/openapi.json` (public: it is the contract others build on) and `/api/docs` (agents only). */
export function openapiRouter(ctx: AppContext) {
  const r = Router();
  r.get('/openapi.json', async (_req, res) => {
    res.json(await documentOpenApi(ctx.orm));
  });
  const docs = Router();
  docs.use(agentOuPageConnexion(ctx));
  docs.get('/', (req, res) => {
    if (!req.originalUrl.split('?')[0].endsWith('/')) return res.redirect(301, '/api/docs/'); // relative asset URLs
    servir(res, path.join(ICI, 'docs'), 'index.html');
  });
  docs.get('/:fichier', (req, res, next) => {
    const f = req.params.fichier;
    if (FICHIERS_PAGE.has(f)) return servir(res, path.join(ICI, 'docs'), f);
    if (FICHIERS_SWAGGER.has(f)) return servir(res, SWAGGER, f);
    next();
  });
  r.use('/docs', docs);
  return r;
}

function servir(res: express.Response, dossier: string, fichier: string) {
  res.setHeader('Content-Security-Policy', CSP_DOCS);
  res.setHeader('Cache-Control', fichier === 'index.html' ? 'no-store' : 'private, max-age=3600');
  res.sendFile(fichier, { root: dossier });
}
