import { Router } from 'express';
import type { AppContext } from '@server/context';
import { candidaturesRouter } from './candidatures.router';
import { comptesRouter } from './comptes.router';
import { demandeRouter } from './demande.router';
import { justificatifsRouter } from './justificatifs.router';
import { offresRouter } from './offres.router';
import { propositionsRouter } from './propositions.router';
import { donneesRouter } from './donnees.router';

/**
 * The applicants' API, `/api/portail` (../shared/spec/api.md). Its sessions are of kind
 * 'demandeur' (cookie als_portail or Bearer): they never open the agents' routes, and agents'
 * sessions never open these. Unknown portal paths fall through to the API's 404.
 */
export function portailRouter(ctx: AppContext) {
  const r = Router();
  r.use(comptesRouter(ctx));
  r.use('/demande', demandeRouter(ctx));
  r.use('/justificatifs', justificatifsRouter(ctx));
  r.use('/offres', offresRouter(ctx));
  r.use('/candidatures', candidaturesRouter(ctx));
  r.use('/propositions', propositionsRouter(ctx));
  r.use(donneesRouter(ctx)); // GDPR art. 15/20: /mes-donnees, /mes-donnees.zip (issue #14)
  return r;
}
