import { subject } from '@casl/ability';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import { getRow } from '../../http/simpleRest';
import { parseBody } from '../../http/validate';
import { offres } from '../offres/offres.resource';
import { creerPropositions } from './creer';

/** At most this many demandeurs per request (the console sends a page of matches). */
export const MAX_DESTINATAIRES = 200;

const corps = z.object({
  offreId: z.number().int().positive(),
  demandeurIds: z.array(z.number().int().positive()).min(1).max(MAX_DESTINATAIRES),
  message: z.string().max(2000).nullish(),
});

/**
 * Agents' side of propositions (mounted before simple-rest, which lists them):
 * POST /api/propositions {offreId, demandeurIds, message?} → 201 {envoyees, refusees} when at
 * least one was sent, 200 when every demandeur was refused. Conseillers of the offer's
 * territory and controle_fraude (CASL `create` on propositions with the offer's département).
 */
export function propositionsRouter(ctx: AppContext) {
  const r = Router();
  r.post('/', async (req, res) => {
    if (!req.ability!.can('create', 'propositions')) throw forbidden();
    const body = parseBody(corps, req.body);
    const offre = await getRow(req, ctx, offres, body.offreId); // 404 outside the agent's scope
    if (!req.ability!.can('create', subject('propositions', { departement: offre.departement } as Record<string, unknown>))) throw forbidden();
    const now = ctx.clock.now();
    const out = await req.em!.transactional((tx) => creerPropositions(tx, body, { id: req.agent!.id, ip: req.ip }, now));
    res.status(out.envoyees.length ? 201 : 200).json(out);
  });
  return r;
}
