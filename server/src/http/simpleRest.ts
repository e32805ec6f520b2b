import { Router, type Request } from 'express';
import { permittedFieldsOf } from '@casl/ability/extra';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Action } from '../../../shared/abilities';
import type { AppContext } from '../context';
import { audit } from '../modules/audit-events/audit';
import { abilityToSql } from './abilitySql';
import { filterToSql, parseListParams } from './listQuery';
import { badRequest, forbidden, notFound } from './problem';
import type { ResourceDef } from './resource';
import { parseBody } from './validate';

/** The fields of `def` the caller may read (CASL field-level rules, e.g. fraud data). */
export function readableFields(req: Request, def: ResourceDef): string[] {
  const all = Object.keys(def.fields);
  const allowed = permittedFieldsOf(req.ability!, 'read', def.name, { fieldsFrom: (rule) => rule.fields ?? all });
  return all.filter((f) => allowed.includes(f));
}

function selectList(def: ResourceDef, fields: string[], now: Date) {
  const params: unknown[] = [];
  const sql = fields
    .map((f) => {
      const expr = def.fields[f];
      const n = expr.split('{{now}}').length - 1;
      for (let i = 0; i < n; i++) params.push(now);
      return `${expr.replaceAll('{{now}}', '?::timestamptz')} as "${f}"`;
    })
    .join(', ');
  return { sql, params };
}

/** Scope (ability) ∧ client filter, as one WHERE clause. */
export function whereClause(req: Request, def: ResourceDef, action: Action, filter: Record<string, unknown>, now = new Date()) {
  const scope = abilityToSql(req.ability!, action, def);
  if (!scope) throw forbidden();
  const f = filterToSql(def, filter, { agentId: req.agent!.id, now });
  return { sql: [scope.sql, ...f.sql].join(' and '), params: [...scope.params, ...f.params] };
}

export async function listRows(req: Request, ctx: AppContext, def: ResourceDef, query: Record<string, unknown>) {
  const { sort, range, filter } = parseListParams(query, def);
  const where = whereClause(req, def, 'read', filter, ctx.clock.now());
  const fields = readableFields(req, def);
  const custom = def.sorts?.[sort[0]];
  if (!custom && !fields.includes(sort[0])) throw badRequest('TRI_INVALIDE', `Impossible de trier sur « ${sort[0]} ».`);
  const sel = selectList(def, fields, ctx.clock.now());
  const conn = req.em!;
  const [start, end] = range;
  const order = custom ? custom(sort[1]) : `"${sort[0]}" ${sort[1]} nulls last, "id" ${sort[1]}`;
  const rows = await conn.execute<Record<string, unknown>[]>(
    `select ${sel.sql} from ${def.from} where ${where.sql} order by ${order} limit ? offset ?`,
    [...sel.params, ...where.params, end - start + 1, start],
  );
  const countRows = await conn.execute<{ total: number }[]>(`select count(*) as total from ${def.from} where ${where.sql}`, where.params);
  def.decorate?.(rows);
  return { rows, total: countRows[0].total, start };
}

export async function getRow(req: Request, ctx: AppContext, def: ResourceDef, id: number, action: Action = 'read') {
  const where = whereClause(req, def, action, {}, ctx.clock.now());
  const sel = selectList(def, readableFields(req, def), ctx.clock.now());
  const rows = await req.em!
    .execute<Record<string, unknown>[]>(`select ${sel.sql} from ${def.from} where ${def.alias}.id = ? and ${where.sql}`, [...sel.params, id, ...where.params]);
  if (!rows[0]) throw notFound();
  def.decorate?.(rows);
  return rows[0];
}

export function parseId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound();
  return Number(raw);
}

export function contentRange(name: string, start: number, count: number, total: number) {
  return count === 0 ? `${name} */${total}` : `${name} ${start}-${start + count - 1}/${total}`;
}

/** GET list / GET one / POST / PUT / DELETE for one resource, the same way for all of them. */
export function restRouter(ctx: AppContext, def: ResourceDef) {
  const r = Router();
  r.get('/', async (req, res) => {
    const { rows, total, start } = await listRows(req, ctx, def, req.query as Record<string, unknown>);
    res.setHeader('Content-Range', contentRange(def.name, start, rows.length, total));
    res.json(rows);
  });
  r.get('/:id', async (req, res) => {
    res.json(await getRow(req, ctx, def, parseId(req.params.id)));
  });
  r.post('/', async (req, res) => {
    if (!req.ability!.can('create', def.name) || !def.write?.create) throw forbidden();
    const body = parseBody(def.write.create, req.body);
    const id = await writeInTransaction(req, ctx, def, 'creation', null, body);
    res.status(201).json(await getRow(req, ctx, def, id));
  });
  r.put('/:id', async (req, res) => {
    if (!req.ability!.can('update', def.name) || !def.write?.update) throw forbidden();
    const id = parseId(req.params.id);
    await getRow(req, ctx, def, id, 'update');
    const body = parseBody(def.write.update, req.body);
    await writeInTransaction(req, ctx, def, 'modification', id, body);
    res.json(await getRow(req, ctx, def, id));
  });
  r.delete('/:id', async (req) => {
    if (!req.ability!.can('delete', def.name)) throw forbidden('Aucune suppression n’est possible : l’historique est conservé.');
    throw notFound();
  });
  return r;
}

async function writeInTransaction(req: Request, ctx: AppContext, def: ResourceDef, action: string, id: number | null, body: Record<string, unknown>) {
  const w = def.write!;
  const data = w.toEntity ? await w.toEntity(body) : body;
  const now = ctx.clock.now();
  return req.em!.transactional(async (tx: EntityManager) => {
    let entity: { id: number };
    if (id === null) {
      entity = tx.create(w.entity, data as never) as { id: number };
    } else {
      entity = (await tx.findOneOrFail(w.entity, id)) as { id: number };
      tx.assign(entity, data as never);
    }
    await tx.flush();
    audit(tx, {
      at: now,
      acteur: { type: 'agent', id: req.agent!.id },
      action,
      entite: def.name.replace(/s$/, ''), // audit entities are singular, as the tables (offre, agent…)
      entiteId: entity.id,
      details: { champs: Object.keys(body) },
      ip: req.ip,
    });
    await tx.flush();
    return entity.id;
  });
}
