import { subject } from '@casl/ability';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { getRow } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { offres } from '@server/modules/offres/offres.resource';
import { porteeDemandeurs } from './portee';
import { creerPropositions } from './creer';
import { decrireRoute, ligne } from '@server/openapi/registry';

/** At most this many demandeurs per request (the console sends a page of matches). */
export const MAX_DESTINATAIRES = 200;

const corps = z.object({
  offreId: z.number().int().positive(),
  demandeurIds: z.array(z.number().int().positive()).min(1).max(MAX_DESTINATAIRES),
  message: z.string().max(2000).nullish(),
});

const rapport = z.object({
  envoyees: z.array(z.strictObject({ id: z.number().int(), demandeurId: z.number().int(), expireLe: z.iso.datetime() })),
  refusees: z.array(z.object({ demandeurId: z.number().int(), code: z.string(), raison: z.string() }).loose()),
});
decrireRoute({
  method: 'post', path: '/api/propositions', auth: 'agent', roles: 'conseillers du territoire de l’offre, contrôle fraude', body: corps,
  summary: 'Proposer une offre (même non publiée) à des demandeurs : chacun vérifié (éligibilité, limites), les refus listés avec leur code',
  reponse: { status: 201, json: rapport, description: 'Au moins une proposition envoyée' },
  autresReponses: [{ status: 200, json: rapport, description: 'Tous les demandeurs refusés' }],
  problemes: { 409: ['OFFRE_RETIREE', 'DEJA_PROPOSEE'], 429: ['TROP_DE_REQUETES'] },
});

/**
 * Agents' side of propositions (mounted before simple-rest, which lists them):
 * POST /api/propositions {offreId, demandeurIds, message?} → 201 {envoyees, refusees} when at
 * least one was sent, 200 when every demandeur was refused. Conseillers of the offer's
 * territory and controle_fraude (CASL `create` on propositions with the offer's département).
 */
export function propositionsRouter(ctx: AppContext) {
  const r = Router();
  r.post('/', limiter(ctx, REGLES.correspondanceIp, ipDe), limiter(ctx, REGLES.correspondanceAgent, (req) => req.agent?.id), async (req, res) => {
    if (!req.ability!.can('create', 'propositions')) throw forbidden();
    const body = parseBody(corps, req.body);
    const offre = await getRow(req, ctx, offres, body.offreId); // 404 outside the agent's scope
    if (!req.ability!.can('create', subject('propositions', { departement: offre.departement } as Record<string, unknown>))) throw forbidden();
    const now = ctx.clock.now();
    const out = await req.em!.transactional((tx) => creerPropositions(tx, body, { id: req.agent!.id, ip: req.ip }, now, porteeDemandeurs(req)));
    res.status(out.envoyees.length ? 201 : 200).json(out);
  });
  return r;
}
