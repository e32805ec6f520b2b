import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import { parseBody } from '../../http/validate';
import { calculerStatistiques } from './statistiques';

const query = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] });

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
    res.json(await calculerStatistiques(req.em!, now, { from, to }));
  });
  return r;
}
