import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { parseBody } from '@server/http/validate';
import type { TraceAccesTable } from '@server/db/schema';
import { decrireRoute } from '@server/openapi/registry';

const recherche = z.strictObject({
  agentId: z.coerce.number().int().positive().optional(),
  ressource: z.string().max(40).optional(),
  entiteId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  debut: z.coerce.number().int().min(0).max(1_000_000).default(0),
  nombre: z.coerce.number().int().min(1).max(200).default(50),
});

const trace = z.strictObject({
  id: z.string(),
  at: z.iso.datetime(),
  agentId: z.number().int(),
  agentNom: z.string().nullable(),
  ressource: z.string().meta({ description: 'Ce qui a été consulté (liste ou fiche d’une ressource, export, timeline…)' }),
  entiteId: z.number().int().nullable(),
  filtre: z.unknown().meta({ description: 'Le filtre de la liste consultée (JSON), ou null' }),
  nombre: z.number().int().nullable().meta({ description: 'Nombre de lignes montrées' }),
  ip: z.string().nullable(),
});

decrireRoute({
  method: 'get', path: '/api/traces-acces', auth: 'agent', roles: 'managers, contrôle fraude',
  summary: 'Rechercher les consultations de données personnelles par les agents (CNIL 2021-122, 6 mois)',
  query: recherche, reponse: { json: z.array(trace), entetes: { 'Content-Range': 'traces-acces début-fin/total' } }, problemes: { 400: ['VALIDATION'] },
});

type Ligne = Pick<TraceAccesTable, 'at' | 'ressource' | 'filtre' | 'nombre' | 'ip'> & { id: string; agentId: number; entiteId: number | null; agentNom: string | null; total: number };

/** DATA-TRACES: `GET /api/traces-acces` — newest first, filtered by agent, resource and record, period; `Content-Range` gives the total. */
export function tracesRouter(_ctx: AppContext) {
  const r = Router();
  r.get('/', async (req, res) => {
    if (!req.ability!.can('read', 'traces')) throw forbidden();
    const q = parseBody(recherche, req.query);
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (q.agentId) (where.push('t.agent_id = ?'), params.push(q.agentId));
    if (q.ressource) (where.push('t.ressource = ?'), params.push(q.ressource));
    if (q.entiteId) (where.push('t.entite_id = ?'), params.push(q.entiteId));
    if (q.from) (where.push('t.at >= ?'), params.push(new Date(q.from)));
    if (q.to) (where.push('t.at < ?'), params.push(new Date(q.to)));
    const rows = await req.em!.execute<Ligne[]>(
      `select t.id::text, t.at, t.agent_id as "agentId", a.prenom || ' ' || a.nom as "agentNom", t.ressource, t.entite_id as "entiteId", t.filtre, t.nombre, t.ip,
              count(*) over ()::int as total
         from trace_acces t left join agent a on a.id = t.agent_id
        where ${where.join(' and ')} order by t.at desc, t.id desc offset ? limit ?`,
      [...params, q.debut, q.nombre],
    );
    const total = rows[0]?.total ?? 0;
    res.setHeader('Content-Range', rows.length ? `traces-acces ${q.debut}-${q.debut + rows.length - 1}/${total}` : `traces-acces */${total}`);
    res.json(rows.map(({ total: _t, ...x }) => x));
  });
  return r;
}
