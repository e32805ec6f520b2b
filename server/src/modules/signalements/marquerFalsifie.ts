import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound } from '../../http/problem';
import { getRow, parseId } from '../../http/simpleRest';
import { parseBody } from '../../http/validate';
import { audit } from '../audit-events/audit';
import { rafraichirPaliers } from '../candidatures/paliers';
import { justificatifs } from '../justificatifs/justificatifs.resource';
import { lecturesFraudeRouter } from './lecturesFraude';

const corps = z.object({ motif: z.string().trim().min(1, 'Indiquez le motif.').max(1000) });

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
      const [p] = await tx.execute<{ statut: string; demande_id: number }[]>(`select statut, demande_id from justificatif where id = ? for update`, [id]);
      if (!p) throw notFound();
      if (p.statut === 'falsifie') throw conflict('TRANSITION_INTERDITE', 'Cette pièce est déjà marquée comme falsifiée.');
      await tx.execute(`update justificatif set statut = 'falsifie', motif_falsification = ?, verifie_par_id = ?, verifie_le = ? where id = ?`, [
        motif,
        req.agent!.id,
        now,
        id,
      ]);
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
