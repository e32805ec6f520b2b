import { Router } from 'express';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { echapperLike } from '@server/http/listQuery';
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

const idsNoms = z.strictObject({
  ids: z.string().regex(/^\d{1,9}(,\d{1,9}){0,99}$/, 'liste d’au plus 100 identifiants séparés par des virgules').optional(),
  q: z.string().trim().min(1, 'au moins une lettre').max(60).optional(),
}).refine((v) => (v.ids === undefined) !== (v.q === undefined), { message: 'soit ids (identifiants), soit q (lettres du nom)' });
decrireRoute({
  method: 'get', path: '/api/agents/noms', auth: 'agent', query: idsNoms,
  summary: 'Le nom de ces agents (« Prénom Nom »), pour les écrans qui en citent un (auteur d’un signalement, d’une suspension, d’un export)',
  description: 'Tout agent : le nom seulement (ni courriel, ni rôle, ni territoire) ; un identifiant inconnu est omis. '
    + 'Avec `q` (au lieu de `ids`) : les 20 premiers agents dont le nom contient ces lettres (casse et accents ignorés), pour choisir un agent '
    + 'par son nom dans le journal d’audit ou les traces d’accès — réservé à ceux qui lisent l’un ou l’autre (403 sinon).',
  reponse: { json: z.array(z.object({ id: z.number().int(), nom: z.string() })) },
});

/** POST /api/agents/:id/revoquer-sessions (admin) → {revoquees}: the « Révoquer les sessions » button of the agent's page. */
export function agentsRouter(ctx: AppContext) {
  const r = Router();
  // Names, not numbers (issue #15): every agent may read a colleague's name where a screen cites him.
  r.get('/noms', async (req, res) => {
    const q = parseBody(idsNoms, req.query);
    if (q.q !== undefined) {
      // An agent picker by name (issue #15) where an agent is searched for: the journal, the traces of access.
      const a = req.ability!;
      if (!a.can('read', 'audit-events') && !a.can('read', 'traces') && !a.can('read', 'agents')) throw forbidden();
      const motif = `%${echapperLike(q.q)}%`;
      res.json(await req.em!.execute<{ id: number; nom: string }[]>(
        `select id, prenom || ' ' || nom as nom from agent
          where als_unaccent(prenom || ' ' || nom) like als_unaccent(?) or als_unaccent(nom || ' ' || prenom) like als_unaccent(?)
          order by nom, prenom, id limit 20`, [motif, motif]));
      return;
    }
    const ids = [...new Set((q.ids ?? '').split(',').map(Number))];
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
