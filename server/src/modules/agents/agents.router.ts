import { Router } from 'express';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { agents } from './agents.resource';
import { revoquerSessionsAgent } from './sessions';
import { z } from 'zod';
import { decrireRoute } from '@server/openapi/registry';

decrireRoute({
  method: 'post', path: '/api/agents/{id}/revoquer-sessions', auth: 'agent', roles: 'administrateurs', summary: 'Révoquer toutes les sessions d’un agent',
  reponse: { json: z.object({ revoquees: z.number().int() }) },
});

const idsNoms = z.object({ ids: z.string().regex(/^\d{1,9}(,\d{1,9}){0,99}$/, 'liste d’au plus 100 identifiants séparés par des virgules') });
decrireRoute({
  method: 'get', path: '/api/agents/noms', auth: 'agent', query: idsNoms,
  summary: 'Le nom de ces agents (« Prénom Nom »), pour les écrans qui en citent un (auteur d’un signalement, d’une suspension, d’un export)',
  description: 'Tout agent : le nom seulement (ni courriel, ni rôle, ni territoire) ; un identifiant inconnu est omis.',
  reponse: { json: z.array(z.object({ id: z.number().int(), nom: z.string() })) },
});

/** POST /api/agents/:id/revoquer-sessions (admin) → {revoquees}: the « Révoquer les sessions » button of the agent's page. */
export function agentsRouter(ctx: AppContext) {
  const r = Router();
  // Names, not numbers (issue #15): every agent may read a colleague's name where a screen cites him.
  r.get('/noms', async (req, res) => {
    const ids = [...new Set(parseBody(idsNoms, req.query).ids.split(',').map(Number))];
    res.json(await req.em!.execute<{ id: number; nom: string }[]>(
      `select id, prenom || ' ' || nom as nom from agent where id = any(?::int[]) order by id`, [`{${ids.join(',')}}`]));
  });
  r.post('/:id/revoquer-sessions', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('update', 'agents')) throw forbidden();
    await getRow(req, ctx, agents, id);
    const now = ctx.clock.now();
    const revoquees = await req.em!.transactional((tx) => revoquerSessionsAgent(tx, id, { raison: 'administrateur', par: req.agent!.id, now, ip: req.ip }));
    res.json({ revoquees });
  });
  return r;
}
