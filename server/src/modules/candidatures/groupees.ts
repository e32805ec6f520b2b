import type { Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { HttpProblem, forbidden } from '@server/http/problem';
import { whereClause } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { candidatures } from './candidatures.resource';
import { assigner } from './prendre';
import { REGLES_ACTIONS } from './regles';
import { acteurDe, appliquerAction } from './transition';

export const MAX_GROUPE = 500;
export const corpsGroupes = z.discriminatedUnion('action', [
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
  const b = parseBody(corpsGroupes, req.body);
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

export const idsAssignables = z.object({ ids: z.string().regex(/^\d{1,9}(,\d{1,9}){0,499}$/, 'liste d’identifiants séparés par des virgules') });

/**
 * GET /api/candidatures/agents-assignables?ids=1,2,3 — who the « Assigner » picker offers: active
 * agents who may take every selected candidature (a conseiller whose territories include each
 * one's département, or contrôle fraude: the same rule as `assigner`'s check), names only.
 */
export async function agentsAssignables(req: Request, ctx: AppContext): Promise<{ id: number; nom: string }[]> {
  if (!req.ability!.can('prendre', 'candidatures')) throw forbidden();
  const ids = [...new Set(parseBody(idsAssignables, req.query).ids.split(',').map(Number))];
  const where = whereClause(req, candidatures, 'prendre', { id: ids }, ctx.clock.now());
  const deps = (await req.em!.execute<{ departement: string }[]>(`select distinct c.departement from ${candidatures.from} where ${where.sql}`, where.params)).map((r) => r.departement);
  if (deps.length === 0) return [];
  return req.em!.execute<{ id: number; nom: string }[]>(
    `select id, prenom || ' ' || nom as nom from agent
      where actif and (role = 'controle_fraude' or (role = 'conseiller' and territoires @> ?::text[]))
      order by nom, prenom, id limit 200`,
    [`{${deps.join(',')}}`],
  );
}
