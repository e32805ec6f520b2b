import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { parseBody } from '@server/http/validate';
import { calculerStatistiques } from './statistiques';
import { lecture } from '@server/db/lecture';
import { decrireRoute } from '@server/openapi/registry';
import { statistiques } from '@server/openapi/reponses';

const query = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] });

decrireRoute({
  method: 'get', path: '/api/statistiques', auth: 'agent', roles: 'managers', query, summary: 'Tableau de bord : agrégats anonymisés (effectifs < 5 masqués, R-STATS)',
  description: 'Période par défaut : les 12 derniers mois (jours de Paris, bornes incluses).',
  reponse: { json: statistiques, description: 'Comptes et durées calculés en SQL ; `{valeur: null, masque: true}` pour un effectif de moins de 5' },
});

const jourParis = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);

/** GET /api/statistiques?from&to (managers): anonymised aggregates (R-STATS); default period: the last 12 months. */
export function statistiquesRouter(ctx: AppContext) {
  const r = Router();
  r.get('/', async (req, res) => {
    if (!req.ability!.can('read', 'statistiques')) throw forbidden();
    const q = parseBody(query, req.query);
    const now = ctx.clock.now();
    const to = q.to ?? jourParis(now);
    const from = q.from ?? new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 12, 1)).toISOString().slice(0, 10);
    res.json(await calculerStatistiques(lecture(req.em!), now, { from, to })); // on a read replica when there is one
  });
  return r;
}
