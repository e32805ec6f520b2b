import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import type { JustificatifTable } from '@server/db/schema';
import { conflict, forbidden, notFound } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { justificatifs } from '@server/modules/justificatifs/justificatifs.resource';
import { lecturesFraudeRouter } from './lecturesFraude';
import { decrireRoute, ligne } from '@server/openapi/registry';

const corps = z.object({ motif: z.string().trim().min(1, 'Indiquez le motif.').max(1000) });

decrireRoute({
  method: 'post', path: '/api/justificatifs/{id}/marquer-falsifie', auth: 'agent', roles: 'contrôle fraude', body: corps,
  summary: 'Marquer la pièce falsifiée (motif ; le rang des candidatures est recalculé)', reponse: { json: ligne('justificatifs') }, problemes: { 409: ['TRANSITION_INTERDITE'] },
});

/**
 * Fraud-control routes on justificatifs (mounted before the generic router):
 * `POST /:id/marquer-falsifie {motif}` (controle_fraude only): statut `falsifie`, the motive
 * (fraud data), an audit event `fraude`, and the ranking of the demande's candidatures refreshed
 * (a falsified piece no longer counts as deposited, R-RANK); and the audited reads of
 * `metadonneesPdf` by fraud control.
 */
export function fraudeJustificatifsRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/marquer-falsifie', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('marquer_falsifie', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'marquer_falsifie');
    const { motif } = parseBody(corps, req.body);
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      const [p] = await tx.execute<Pick<JustificatifTable, 'statut' | 'demande_id'>[]>(`select statut, demande_id from justificatif where id = ? for update`, [id]);
      if (!p) throw notFound();
      if (p.statut === 'falsifie') throw conflict('TRANSITION_INTERDITE', 'Cette pièce est déjà marquée comme falsifiée.');
      const ecrits = await tx.execute<{ id: number }[]>(
        `update justificatif set statut = 'falsifie', motif_falsification = ?, verifie_par_id = ?, verifie_le = ? where id = ? and statut = ? returning id`,
        [motif, req.agent!.id, now, id, p.statut],
      );
      if (ecrits.length === 0) throw conflict('TRANSITION_INTERDITE', 'Cette pièce vient d’être modifiée par quelqu’un d’autre : rechargez-la.');
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'marquer_falsifie', entite: 'justificatif', entiteId: id,
        de: p.statut, vers: 'falsifie', motif, fraude: true, ip: req.ip,
      });
      await rafraichirPaliers(tx, [p.demande_id], now);
      await tx.flush();
    });
    res.json(await getRow(req, ctx, justificatifs, id));
  });
  r.use(lecturesFraudeRouter(ctx, justificatifs, 'metadonneesPdf'));
  return r;
}
