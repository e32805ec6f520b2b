import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import type { DemandeTable } from '@server/db/schema';
import { conflict, forbidden, notFound } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { demandes } from '@server/modules/demandes/demandes.resource';
import { decrireRoute, ligne } from '@server/openapi/registry';

const corps = z.object({ motif: z.string().trim().min(1, 'Indiquez le motif.').max(1000) });

decrireRoute({
  method: 'post', path: '/api/demandes/{id}/lever-controle-renforce', auth: 'agent', roles: 'contrôle fraude, conseillers du territoire', body: corps,
  summary: 'Lever le contrôle renforcé d’une demande après suspension (§11.13)', reponse: { json: ligne('demandes') }, problemes: { 409: ['CONTROLE_RENFORCE_ABSENT'] },
});

/**
 * §11.13: after a suspension, a new demande carries contrôle renforcé until an agent clears it
 * (controle_fraude anywhere, a conseiller in their territories), with a motif, audited.
 * `POST /api/demandes/:id/lever-controle-renforce {motif}` → the updated demande.
 */
export function controleRenforceRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/lever-controle-renforce', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('lever_controle_renforce', 'demandes')) throw forbidden();
    await getRow(req, ctx, demandes, id, 'lever_controle_renforce');
    const { motif } = parseBody(corps, req.body);
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      const [d] = await tx.execute<Pick<DemandeTable, 'controle_renforce'>[]>(`select controle_renforce from demande where id = ? for update`, [id]);
      if (!d) throw notFound();
      if (!d.controle_renforce) throw conflict('CONTROLE_RENFORCE_ABSENT', 'Cette demande n’est pas sous contrôle renforcé.');
      await tx.execute(`update demande set controle_renforce = false where id = ?`, [id]);
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'lever_controle_renforce', entite: 'demande', entiteId: id,
        de: 'controle_renforce', vers: 'controle_normal', motif, ip: req.ip,
      });
      await tx.flush();
    });
    res.json(await getRow(req, ctx, demandes, id));
  });
  return r;
}
