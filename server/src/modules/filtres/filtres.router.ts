import { Router } from 'express';
import { z } from 'zod';
import { RESOURCES } from '@shared/domain/enums';
import type { AppContext } from '@server/context';
import { notFound } from '@server/http/problem';
import { parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { decrireRoute } from '@server/openapi/registry';

const corps = z.object({
  ressource: z.enum(RESOURCES),
  nom: z.string().trim().min(1).max(80),
  filtre: z.record(z.string().max(60), z.unknown()).refine((f) => JSON.stringify(f).length <= 4000, 'Filtre trop long'),
  colonnes: z.array(z.string().max(60)).max(40).nullish(),
});

const filtre = corps.extend({ id: z.number().int() });
decrireRoute({
  method: 'get', path: '/api/filtres-sauvegardes', auth: 'agent', tags: ['filtres-sauvegardes'], summary: 'Mes filtres enregistrés',
  query: z.object({ ressource: z.enum(RESOURCES).optional() }), reponse: { json: z.array(filtre.extend({ createdAt: z.iso.datetime() })) },
});
decrireRoute({ method: 'post', path: '/api/filtres-sauvegardes', auth: 'agent', summary: 'Enregistrer un filtre (remplace celui du même nom)', body: corps, reponse: { status: 201, json: filtre } });
decrireRoute({ method: 'delete', path: '/api/filtres-sauvegardes/{id}', auth: 'agent', summary: 'Supprimer un de mes filtres', reponse: { status: 204 } });

/** Saved filters of the work queue: each agent sees and manages only their own. */
export function filtresRouter(_ctx: AppContext) {
  const r = Router();
  r.get('/', async (req, res) => {
    const ressource = typeof req.query.ressource === 'string' ? req.query.ressource : null;
    res.json(
      await req.em!.execute(
        `select id, ressource, nom, filtre, colonnes, created_at as "createdAt" from filtre_sauvegarde
          where agent_id = ? and (?::text is null or ressource = ?) order by nom`,
        [req.agent!.id, ressource, ressource],
      ),
    );
  });
  r.post('/', async (req, res) => {
    const b = parseBody(corps, req.body);
    const [row] = await req.em!.execute<{ id: number }[]>(
      `insert into filtre_sauvegarde (agent_id, ressource, nom, filtre, colonnes) values (?, ?, ?, ?, ?)
       on conflict (agent_id, ressource, nom) do update set filtre = excluded.filtre, colonnes = excluded.colonnes returning id`,
      [req.agent!.id, b.ressource, b.nom, JSON.stringify(b.filtre), b.colonnes ? JSON.stringify(b.colonnes) : null],
    );
    res.status(201).json({ id: row.id, ...b });
  });
  r.delete('/:id', async (req, res) => {
    const rows = await req.em!.execute<unknown[]>(`delete from filtre_sauvegarde where id = ? and agent_id = ? returning id`, [parseId(req.params.id), req.agent!.id]);
    if (rows.length === 0) throw notFound();
    res.status(204).end();
  });
  return r;
}
