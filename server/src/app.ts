import express, { type Express, Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './context';
import { requireAgent } from './http/authenticate';
import { timestampsIso } from './http/json';
import { errorHandler, notFound } from './http/problem';
import { refuserEntreesHostiles } from './http/input';
import { journalRequetes } from './http/journal';
import { entetesSecurite, verifierOrigine } from './http/entetes';
import { logger } from './logger';
import { AVERTISSEMENT_COMMUNES, sonder } from './db/sante';
import { RESOURCE_DEFS } from './http/resources';
import { restRouter } from './http/simpleRest';
import { authRouter } from './modules/auth/auth.router';
import { agentsRouter } from './modules/agents/agents.router';
import { portailRouter } from './portail/index';
import { openapiRouter } from './openapi/openapi.router';
import { bailleurRouter } from './bailleur/index';
import { envoisBailleurRouter, envoisCandidatureRouter, envoisExportRouter, envoisOffreRouter } from './modules/bailleurs/envois.router';
import { candidaturesRouter } from './modules/candidatures/candidatures.router';
import { notesRouter } from './modules/candidatures/notes';
import { demandes } from './modules/demandes/demandes.resource';
import { filtresRouter } from './modules/filtres/filtres.router';
import { exportsRouter } from './modules/exports/exports.router';
import { statistiquesRouter } from './modules/statistiques/statistiques.router';
import { jobsRouter } from './jobs/jobs.router';
import { verificationJournalRouter } from './modules/audit-events/verification.router';
import { donneesDemandeurRouter } from './modules/donnees/donnees.router';
import { tracesRouter } from './modules/traces/traces.router';
import { justificatifsRouter } from './modules/justificatifs/justificatifs.router';
import { notificationsRouter } from './modules/notifications/notifications.router';
import { classementRouter } from './modules/offres/classement.router';
import { offresRouter } from './modules/offres/publication.router';
import { propositionsRouter } from './modules/propositions/propositions.router';
import { fraudeJustificatifsRouter } from './modules/signalements/marquerFalsifie';
import { signalementsRouter } from './modules/signalements/signalements.router';
import { controleRenforceRouter } from './modules/suspensions/controleRenforce';
import { demandesRouter } from './modules/demandes/demandes.router';
import { suspensionsRouter } from './modules/suspensions/suspensions.router';
import { servirConsole } from './http/statiques';
import { signalerDossierRouter } from './modules/signalements/signalerDossier';
import { demanderPieceRouter } from './modules/candidatures/demanderPiece';
import { piecesZipRouter } from './modules/justificatifs/piecesZip';
import { listeExportRouter } from './modules/candidatures/listeExport';

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
  // API answers are `Cache-Control: no-store`: a weak ETag (sha1 of every JSON body, 1–2 ms for the
  // 787 KB classement of a large offer) bought nothing. The console's files keep theirs (sendFile).
  app.set('etag', false);
  // ISO 8601 timestamps in every JSON answer (http/json.ts), converted before serialising: no replacer.
  app.use((_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (corps: unknown) => json(timestampsIso(corps));
    next();
  });
  app.use(journalRequetes(ctx.logger ?? logger)); // request id + one structured line per request
  app.use(...entetesSecurite({ hsts: ctx.config.cookieSecure })); // CSP, HSTS over HTTPS, Permissions-Policy (http/entetes.ts)

  const api = Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
    next();
  });
  api.use(verifierOrigine); // a cookie-borne state change from another site: 403 (CSRF)
  api.use(express.json({ limit: '1mb', strict: true }));
  api.use(refuserEntreesHostiles); // NUL characters, over-deep JSON: 400 before any route
  // Its own tiny pool (db/sante.ts): answers within ~1 s whatever the app's pool is doing.
  // `replicas`: how many read replicas (DATABASE_REPLICA_URLS) this process reads from, when any.
  const replicas = ctx.orm.config.get('replicas')?.length ?? 0;
  api.get('/health', async (_req, res) => {
    const time = ctx.clock.now().toISOString();
    const { database, communes } = await sonder(ctx.orm);
    if (database) {
      // Issue #16: an empty communes referential does not take the replica out of the pool, but it says so.
      res.json({
        status: 'ok', database: 'up', ...(replicas ? { replicas } : {}), time, communes: communes === false ? 'vide' : 'chargees',
        ...(communes === false ? { avertissements: [AVERTISSEMENT_COMMUNES] } : {}),
      });
    }
    else res.status(503).setHeader('Retry-After', '5').json({ status: 'degraded', database: 'down', time });
  });
  api.use('/auth', authRouter(ctx));
  api.use(openapiRouter(ctx)); // /openapi.json (public contract), /docs (agents)
  api.use('/portail', portailRouter(ctx)); // applicants' API: demandeur sessions only, before the agents' resources
  api.use('/bailleur', bailleurRouter(ctx)); // bailleurs' link page API: link sessions only (issue #18)
  // Domain routes first (actions, files, rankings); what they don't handle falls through to simple-rest.
  const agent = requireAgent(ctx);
  api.use('/candidatures', agent, candidaturesRouter(ctx));
  api.use('/candidatures', agent, signalerDossierRouter(ctx)); // « Signaler au contrôle fraude » (issue #15)
  api.use('/candidatures', agent, demanderPieceRouter(ctx)); // « Demander la pièce » (issue #15)
  api.use('/candidatures', agent, piecesZipRouter(ctx)); // the dossier's pieces as one ZIP (issue #15)
  api.use('/candidatures', agent, listeExportRouter(ctx)); // the filtered list as XLSX (issue #15)
  // « Envoyer au bailleur » (a link by mail) and what the bailleur did with it.
  api.use('/candidatures', agent, envoisCandidatureRouter(ctx));
  api.use('/offres', agent, envoisOffreRouter(ctx));
  api.use('/exports', agent, envoisExportRouter(ctx));
  api.use('/envois-bailleur', agent, envoisBailleurRouter(ctx));
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
  api.use('/demandes', agent, demandesRouter(ctx));
  // Outbox and scheduled jobs (admin): resend a failed mail, jobs page and "Lancer maintenant".
  api.use('/notifications', agent, notificationsRouter(ctx));
  api.use('/jobs', agent, jobsRouter(ctx));
  api.use('/audit-events', agent, verificationJournalRouter(ctx)); // « Vérifier le journal » (admin, issue #14)
  api.use('/demandeurs', agent, donneesDemandeurRouter(ctx)); // a demandeur's data package, on a request by mail (issue #14)
  api.use('/traces-acces', agent, tracesRouter(ctx)); // agents' reads of personal data (CNIL 2021-122, issue #14)
  api.use('/agents', agent, agentsRouter(ctx)); // « Révoquer les sessions » (admin)
  // Exports to bailleurs and entreprises (jobs, audited downloads) and the managers' dashboard (R-STATS).
  api.use('/exports', agent, exportsRouter(ctx));
  api.use('/statistiques', agent, statistiquesRouter(ctx));
  for (const def of RESOURCE_DEFS) api.use(`/${def.name}`, agent, restRouter(ctx, def));
  api.use((_req, _res, next) => next(notFound('Cette adresse de l’API n’existe pas.')));
  app.use('/api', api);

  // Source maps are never served (they would hand out the console's source): 404, whatever the build left.
  app.get(/\.map$/i, (_req, res) => res.status(404).type('text').send('Introuvable.'));
  if (existsSync(CONSOLE_DIST)) {
    servirConsole(app, CONSOLE_DIST);
  } else {
    app.get('/', (_req, res) => res.type('text').send('Console non construite : lancez « npm run build ».'));
  }
  app.use(errorHandler);
  return app;
}
