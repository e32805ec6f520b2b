import { Router, type Request } from 'express';
import { FRAUD_FIELDS } from '@shared/abilities';
import type { AppContext } from '@server/context';
import { parseListParams } from '@server/http/listQuery';
import { badRequest } from '@server/http/problem';
import type { ResourceDef } from '@server/http/resource';
import { contentRange, getRow, listRows, parseId, readableFields } from '@server/http/simpleRest';
import { audit } from '@server/modules/audit-events/audit';
import { tracerLecture } from '@server/modules/traces/tracer';

const SUFFIXE = /_(gte|lte|gt|lt)$/;

/** One audit event (fraude) per request that returned fraud data, listing the ids read: no row per record. */
export async function auditerLectureFraude(req: Request, ctx: AppContext, def: ResourceDef, ids: number[], champs: string[]) {
  if (ids.length === 0) return;
  const em = req.em!.fork();
  audit(em, {
    at: ctx.clock.now(),
    acteur: { type: 'agent', id: req.agent!.id },
    action: 'lecture_donnees_fraude',
    entite: def.name.replace(/s$/, ''),
    entiteId: ids.length === 1 ? ids[0] : null,
    details: { ids, champs },
    fraude: true,
    ip: req.ip,
  });
  await em.flush();
}

/**
 * GET list and GET one of a resource holding fraud data (R-FRAUD-VIS, §11.14), mounted before
 * the generic router: when the caller may read fraud fields, the same simple-rest answer plus one
 * audit event listing the ids read; otherwise it falls through to the generic router, after
 * refusing filters on fraud fields the caller may not read (no oracle through filtering).
 * `champ` null: the whole resource is fraud data (signalements).
 * These reads are personal data too: they are traced (`trace_acces`, DATA-TRACES) exactly as the
 * generic router traces them, besides their audit event.
 */
export function lecturesFraudeRouter(ctx: AppContext, def: ResourceDef, champ: string | null) {
  const r = Router();
  const fraude = FRAUD_FIELDS[def.name] ?? [];
  const champsLus = (req: Request) => {
    const lisibles = readableFields(req, def);
    return champ === null || lisibles.includes(champ) ? lisibles.filter((f) => champ === null || fraude.includes(f)) : null;
  };
  r.get('/', async (req, res, next) => {
    const champs = champsLus(req);
    if (champs === null) {
      const { filter } = parseListParams(req.query as Record<string, unknown>, def);
      const interdit = Object.keys(filter).find((k) => fraude.includes(k.replace(SUFFIXE, '')));
      if (interdit) throw badRequest('FILTRE_INCONNU', `Filtre inconnu : « ${interdit} ».`);
      return next();
    }
    const { rows, total, start } = await listRows(req, ctx, def, req.query as Record<string, unknown>);
    await auditerLectureFraude(req, ctx, def, rows.map((x) => Number(x.id)), champs);
    await tracerLecture(req, ctx, def.name, { filtre: req.query as Record<string, unknown>, nombre: rows.length }); // DATA-TRACES, as the generic router
    res.setHeader('Content-Range', contentRange(def.name, start, rows.length, total));
    res.json(rows);
  });
  r.get('/:id', async (req, res, next) => {
    const champs = /^\d{1,9}$/.test(req.params.id) ? champsLus(req) : null; // other GET routes (…/compteurs) are not ours
    if (champs === null) return next();
    const row = await getRow(req, ctx, def, parseId(req.params.id));
    await auditerLectureFraude(req, ctx, def, [Number(row.id)], champs);
    await tracerLecture(req, ctx, def.name, { entiteId: Number(row.id) }); // DATA-TRACES, as the generic router
    res.json(row);
  });
  return r;
}
