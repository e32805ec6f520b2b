import type { Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { HttpProblem, forbidden } from '../../http/problem';
import { whereClause } from '../../http/simpleRest';
import { parseBody } from '../../http/validate';
import { candidatures } from './candidatures.resource';
import { assigner } from './prendre';
import { REGLES_ACTIONS } from './regles';
import { acteurDe, appliquerAction } from './transition';

export const MAX_GROUPE = 500;
const corps = z.discriminatedUnion('action', [
  z.object({ action: z.literal('instruire'), ids: z.array(z.number().int().positive()).min(1).max(MAX_GROUPE) }),
  z.object({ action: z.literal('ne-pas-retenir'), ids: z.array(z.number().int().positive()).min(1).max(MAX_GROUPE), motif: z.string().trim().min(1).max(1000) }),
  z.object({ action: z.literal('assigner'), ids: z.array(z.number().int().positive()).min(1).max(MAX_GROUPE), agentId: z.number().int().positive() }),
]);

export interface RapportGroupe {
  reussies: number[];
  refusees: { id: number; code: string; raison: string }[];
}

/**
 * Bulk actions of the queue: each row in its own transaction through the same use case as the
 * single action, so one refusal never undoes the others; the answer reports every row.
 */
export async function actionsGroupees(req: Request, ctx: AppContext): Promise<RapportGroupe> {
  const b = parseBody(corps, req.body);
  const ability = b.action === 'assigner' ? 'prendre' : b.action === 'instruire' ? 'instruire' : 'ne_pas_retenir';
  if (!req.ability!.can(ability, 'candidatures')) throw forbidden();
  const em = req.em!;
  const ids = [...new Set(b.ids)];
  // Rows outside the caller's scope are reported as unknown (404 semantics), in one query.
  const where = whereClause(req, candidatures, ability, { id: ids }, ctx.clock.now());
  const visibles = new Set(
    (await em.execute<{ id: number }[]>(`select c.id from ${candidatures.from} where ${where.sql}`, where.params)).map((r) => r.id),
  );
  if (b.action === 'assigner') {
    const [agent] = await em.execute<unknown[]>(`select 1 from agent where id = ? and actif and role in ('conseiller', 'controle_fraude')`, [b.agentId]);
    if (!agent) throw new HttpProblem(400, 'VALIDATION', 'Cet agent n’existe pas ou ne peut pas instruire.', [{ field: 'agentId', message: 'Agent inconnu' }]);
  }
  const rapport: RapportGroupe = { reussies: [], refusees: [] };
  const acteur = acteurDe(req);
  for (const id of ids) {
    if (!visibles.has(id)) {
      rapport.refusees.push({ id, code: 'INTROUVABLE', raison: 'Candidature introuvable ou hors de votre périmètre.' });
      continue;
    }
    try {
      const now = ctx.clock.now();
      await em.transactional(async (tx) => {
        if (b.action === 'assigner') await assigner(tx, id, b.agentId, acteur, now);
        else if (b.action === 'instruire') await appliquerAction(tx, id, 'instruire', {}, acteur, REGLES_ACTIONS.instruire, now);
        else await appliquerAction(tx, id, 'ne_pas_retenir', { motif: b.motif }, acteur, REGLES_ACTIONS.ne_pas_retenir, now);
      });
      rapport.reussies.push(id);
    } catch (e) {
      if (!(e instanceof HttpProblem)) throw e;
      rapport.refusees.push({ id, code: e.code, raison: e.detail });
    }
  }
  return rapport;
}
