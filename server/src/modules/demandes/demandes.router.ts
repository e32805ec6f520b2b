import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { changerAccompagnement } from './accompagnement';
import { demandes } from './demandes.resource';
import { decrireRoute, ligne } from '@server/openapi/registry';

const corpsAccompagnement = z.object({
  accompagne: z.boolean({ error: 'Indiquez si la demande est accompagnée (true) ou non (false).' }),
  motif: z.string().trim().min(1, 'Indiquez le motif.').max(1000),
});

decrireRoute({
  method: 'post', path: '/api/demandes/{id}/accompagnement', auth: 'agent', body: corpsAccompagnement,
  summary: 'Marquer (ou non) la demande accompagnée par le service salariés en difficulté (§13.6, rang 1)',
  reponse: { json: ligne('demandes') }, problemes: { 409: ['DEMANDE_CLOTUREE', 'ACCOMPAGNEMENT_INCHANGE'] },
});

/**
 * Agent actions on a demande beyond simple-rest.
 * `POST /api/demandes/:id/accompagnement {accompagne, motif}` (§13.6 tier 1) → the updated demande.
 */
export function demandesRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/accompagnement', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('modifier_accompagnement', 'demandes')) throw forbidden();
    await getRow(req, ctx, demandes, id, 'modifier_accompagnement');
    const corps = parseBody(corpsAccompagnement, req.body);
    const now = ctx.clock.now();
    await req.em!.transactional((tx) => changerAccompagnement(tx, id, corps, { id: req.agent!.id, ip: req.ip }, now));
    res.json(await getRow(req, ctx, demandes, id));
  });
  return r;
}
