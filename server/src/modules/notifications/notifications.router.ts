import { Router } from 'express';
import type { AppContext } from '@server/context';
import { conflict, forbidden, notFound } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { audit } from '@server/modules/audit-events/audit';
import { notifications } from './notifications.resource';
import { decrireRoute, ligne } from '@server/openapi/registry';
import type { NotificationTable } from '@server/db/schema';

decrireRoute({
  method: 'post', path: '/api/notifications/{id}/renvoyer', auth: 'agent', roles: 'administrateurs', summary: 'Renvoyer un courriel en échec (même Message-ID)',
  reponse: { json: ligne('notifications') }, problemes: { 409: ['RENVOI_IMPOSSIBLE'] },
});

/**
 * The outbox's one action: `POST /api/notifications/:id/renvoyer` (admin) puts a failed row
 * (`echec`) back in the queue — attempts reset, due now, same Message-ID — audited. Answers the
 * updated notification; another status → 409 RENVOI_IMPOSSIBLE.
 */
export function notificationsRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/renvoyer', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('renvoyer', 'notifications')) throw forbidden();
    await getRow(req, ctx, notifications, id);
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      const [n] = await tx.execute<Pick<NotificationTable, 'statut' | 'erreur' | 'tentatives'>[]>(
        `select statut, erreur, tentatives from notification where id = ? for update`,
        [id],
      );
      if (!n) throw notFound();
      if (n.statut !== 'echec') throw conflict('RENVOI_IMPOSSIBLE', `Seule une notification en échec peut être renvoyée (statut actuel : ${n.statut}).`);
      await tx.execute(`update notification set statut = 'a_envoyer', tentatives = 0, prochain_essai = ?, erreur = null where id = ?`, [now, id]);
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'renvoyer', entite: 'notification', entiteId: id,
        de: 'echec', vers: 'a_envoyer', details: { erreur: n.erreur, tentatives: n.tentatives }, ip: req.ip,
      });
      await tx.flush();
    });
    res.json(await getRow(req, ctx, notifications, id));
  });
  return r;
}
