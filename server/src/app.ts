import express, { type Express, Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './context';
import { requireAgent } from './http/authenticate';
import { isoTimestamps } from './http/json';
import { errorHandler, notFound } from './http/problem';
import { RESOURCE_DEFS } from './http/resources';
import { restRouter } from './http/simpleRest';
import { authRouter } from './modules/auth/auth.router';
import { portailRouter } from './portail/index';
import { candidaturesRouter } from './modules/candidatures/candidatures.router';
import { notesRouter } from './modules/candidatures/notes';
import { demandes } from './modules/demandes/demandes.resource';
import { filtresRouter } from './modules/filtres/filtres.router';
import { exportsRouter } from './modules/exports/exports.router';
import { statistiquesRouter } from './modules/statistiques/statistiques.router';
import { jobsRouter } from './jobs/jobs.router';
import { justificatifsRouter } from './modules/justificatifs/justificatifs.router';
import { notificationsRouter } from './modules/notifications/notifications.router';
import { classementRouter } from './modules/offres/classement.router';
import { offresRouter } from './modules/offres/publication.router';
import { propositionsRouter } from './modules/propositions/propositions.router';
import { fraudeJustificatifsRouter } from './modules/signalements/marquerFalsifie';
import { signalementsRouter } from './modules/signalements/signalements.router';
import { controleRenforceRouter } from './modules/suspensions/controleRenforce';
import { suspensionsRouter } from './modules/suspensions/suspensions.router';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONSOLE_DIST = path.resolve(here, '../../console/dist');

/**
 * The whole HTTP application: `/api` (JSON, problem+json errors) and `/` (the built console).
 * Stateless: everything a second replica needs is in PostgreSQL.
 */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
  app.set('query parser', 'simple');
  app.set('json replacer', isoTimestamps);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  const api = Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
    next();
  });
  api.use(express.json({ limit: '1mb', strict: true }));
  api.get('/health', async (_req, res) => {
    await ctx.orm.em.getConnection().execute('select 1');
    res.json({ status: 'ok', time: ctx.clock.now().toISOString() });
  });
  api.use('/auth', authRouter(ctx));
  api.use('/portail', portailRouter(ctx)); // applicants' API: demandeur sessions only, before the agents' resources
  // Domain routes first (actions, files, rankings); what they don't handle falls through to simple-rest.
  const agent = requireAgent(ctx);
  api.use('/candidatures', agent, candidaturesRouter(ctx));
  api.use('/offres', agent, classementRouter(ctx));
  api.use('/offres', agent, offresRouter(ctx));
  api.use('/propositions', agent, propositionsRouter(ctx));
  api.use('/justificatifs', agent, justificatifsRouter(ctx));
  api.use('/demandes', agent, notesRouter(ctx, 'demande', demandes));
  api.use('/filtres-sauvegardes', agent, filtresRouter(ctx));
  // Fraud control (R-SUSP, R-ONE-ACCOUNT, R-FRAUD-VIS): actions, and the audited reads of fraud data.
  api.use('/suspensions', agent, suspensionsRouter(ctx));
  api.use('/signalements', agent, signalementsRouter(ctx));
  api.use('/justificatifs', agent, fraudeJustificatifsRouter(ctx));
  api.use('/demandes', agent, controleRenforceRouter(ctx));
  // Outbox and scheduled jobs (admin): resend a failed mail, jobs page and "Lancer maintenant".
  api.use('/notifications', agent, notificationsRouter(ctx));
  api.use('/jobs', agent, jobsRouter(ctx));
  // Exports to bailleurs and entreprises (jobs, audited downloads) and the managers' dashboard (R-STATS).
  api.use('/exports', agent, exportsRouter(ctx));
  api.use('/statistiques', agent, statistiquesRouter(ctx));
  for (const def of RESOURCE_DEFS) api.use(`/${def.name}`, agent, restRouter(ctx, def));
  api.use((_req, _res, next) => next(notFound('Cette adresse de l’API n’existe pas.')));
  app.use('/api', api);

  if (existsSync(CONSOLE_DIST)) {
    app.use(express.static(CONSOLE_DIST, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(path.join(CONSOLE_DIST, 'index.html')));
  } else {
    app.get('/', (_req, res) => res.type('text').send('Console non construite : lancez « npm run build ».'));
  }
  app.use(errorHandler);
  return app;
}
