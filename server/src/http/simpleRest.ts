import { Router, type Request } from 'express';
import { permittedFieldsOf } from '@casl/ability/extra';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Action } from '@shared/abilities';
import type { AppContext } from '@server/context';
import { audit } from '@server/modules/audit-events/audit';
import { abilityToSql, departementsDuPerimetre } from './abilitySql';
import { filterToSql, parseListParams } from './listQuery';
import { badRequest, forbidden, notFound } from './problem';
import type { ResourceDef } from './resource';
import { parseBody } from './validate';
import { propre } from './input';
import { tracerLecture } from '@server/modules/traces/tracer';
import { lecture, type Lecteur } from '@server/db/lecture';

/** The fields of `def` the caller may read (CASL field-level rules, e.g. fraud data). */
export function readableFields(req: Request, def: ResourceDef): string[] {
  const all = Object.keys(def.fields);
  const allowed = permittedFieldsOf(req.ability!, 'read', def.name, { fieldsFrom: (rule) => rule.fields ?? all });
  return all.filter((f) => allowed.includes(f));
}

/**
 * A field's SQL with its placeholders bound, in the order they appear: `{{now}}` to the request's
 * clock, `{{agent}}` to the caller's id (per-agent fields: a followed dossier…).
 */
export function lierChamp(expr: string, who: { now: Date; agentId: number }): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = expr.replace(/\{\{(now|agent)\}\}/g, (_, p: string) => {
    params.push(p === 'now' ? who.now : who.agentId);
    return p === 'now' ? '?::timestamptz' : '?::int';
  });
  return { sql, params };
}

function selectList(def: ResourceDef, fields: string[], who: { now: Date; agentId: number }) {
  const params: unknown[] = [];
  const sql = fields
    .map((f) => {
      const lie = lierChamp(def.fields[f], who);
      params.push(...lie.params);
      return `${lie.sql} as "${f}"`;
    })
    .join(', ');
  return { sql, params };
}

/** Scope (ability) ∧ client filter, as one WHERE clause. */
export function whereClause(req: Request, def: ResourceDef, action: Action, filter: Record<string, unknown>, now = new Date()) {
  const scope = abilityToSql(req.ability!, action, def);
  if (!scope) throw forbidden();
  // A search may narrow its subqueries to the scope's départements (a superset of the scope, which still applies).
  const departements = filter.q !== undefined ? departementsDuPerimetre(req.ability!, action, def) : null;
  const f = filterToSql(def, filter, { agentId: req.agent!.id, now, departements });
  return { sql: [scope.sql, ...f.sql].join(' and '), params: [...scope.params, ...f.params] };
}

/** Content-Range totals are exact up to this many rows, then the planner's estimate (never below it). */
export const TOTAL_EXACT_MAX = 10_000;

/**
 * The FROM clause of the page and count queries: `def.from` without the joins of `def.joinsFacultatifs`
 * that nothing in `used` (WHERE + ORDER BY) refers to, directly or through a kept join's ON clause.
 */
export function fromMinimal(def: ResourceDef, used: string): string {
  const facultatifs = def.joinsFacultatifs ?? [];
  if (facultatifs.length === 0) return def.from;
  const morceaux = def.from.split(/\s+(?=join\s)/i);
  // « … left » + « join … » → « left join … »
  for (let i = morceaux.length - 2; i >= 0; i--) {
    const m = /\s+(left|inner)$/i.exec(morceaux[i]);
    if (m) {
      morceaux[i] = morceaux[i].slice(0, m.index);
      morceaux[i + 1] = `${m[1]} ${morceaux[i + 1]}`;
    }
  }
  const [base, ...joins] = morceaux;
  let besoin = used;
  const gardes: string[] = [];
  for (const j of joins.reverse()) {
    const alias = /join\s+\w+\s+(\w+)\s+on\s/i.exec(j)?.[1];
    if (alias && facultatifs.includes(alias) && !new RegExp(`\\b${alias}\\.`).test(besoin)) continue;
    gardes.unshift(j);
    besoin += ' ' + j;
  }
  return [base, ...gardes].join(' ');
}

/**
 * The ORDER BY of a list sorted on `sort`: the resource's own sort of that name, else a field the
 * caller may read, then the id (a total order). « Traiter le suivant » takes the next dossier in the
 * order the queue shows with it. An unknown or unreadable field is a 400 TRI_INVALIDE.
 */
export function ordreListe(req: Request, def: ResourceDef, sort: [string, 'ASC' | 'DESC'], now: Date, fields = readableFields(req, def)) {
  const custom = def.sorts ? propre(def.sorts, sort[0]) : undefined;
  if (custom) return { sql: custom(sort[1]), params: [] as unknown[] };
  if (!fields.includes(sort[0]) || (def.unsortable ?? []).includes(sort[0])) throw badRequest('TRI_INVALIDE', `Impossible de trier sur « ${sort[0]} ».`);
  const expr = lierChamp(def.fields[sort[0]], { now, agentId: req.agent!.id });
  // A field never null sorts without `nulls last`, so that a plain btree index serves both directions.
  const nulls = def.triNonNul?.includes(sort[0]) ? '' : ' nulls last';
  return { sql: `(${expr.sql}) ${sort[1]}${nulls}, ${def.alias}.id ${sort[1]}`, params: expr.params };
}

/**
 * One page of a list, in two steps in one statement: the page's ids from the narrowest FROM (an
 * index scan in the sort order where one matches), then every field, subqueries included (rank…),
 * for those rows only — never for the rows OFFSET skips. The total is exact up to TOTAL_EXACT_MAX.
 * Page and total are read from a read replica when there is one (db/lecture.ts).
 */
export async function listRows(req: Request, ctx: AppContext, def: ResourceDef, query: Record<string, unknown>) {
  const { sort, range, filter } = parseListParams(query, def);
  const now = ctx.clock.now();
  const where = whereClause(req, def, 'read', filter, now);
  const fields = readableFields(req, def);
  const { sql: order, params: orderParams } = ordreListe(req, def, sort, now, fields);
  const sel = selectList(def, fields, { now, agentId: req.agent!.id });
  const conn = lecture(req.em!);
  const [start, end] = range;
  const a = def.alias;
  const from = fromMinimal(def, `${where.sql} ${order}`);
  const taille = end - start + 1;
  if (filter.q !== undefined) {
    const r = await pageRecherche(conn, def, where, { sel, order, orderParams, taille, start });
    if (r) return r;
  }
  const page = `select id, row_number() over () as n from (select ${a}.id from ${from} where ${where.sql} order by ${order} limit ? offset ?) x`;
  const rows = await conn.execute<Record<string, unknown>[]>(
    `select ${sel.sql} from ${def.from} join (${page}) p_ on p_.id = ${a}.id order by p_.n`,
    [...sel.params, ...where.params, ...orderParams, end - start + 1, start],
  );
  def.decorate?.(rows);
  // A page not full is the last one: its end is the total, no count needed.
  const total = rows.length < taille && (rows.length > 0 || start === 0) ? start + rows.length : await compter(conn, from, where, start + rows.length);
  return { rows, total, start };
}

/**
 * A search (`q`): its matches are found once for both the page and the total. The search's
 * subqueries (a trigram scan of the demandeurs' names, rechecked on their rows) are the cost, and
 * the page query and the count each paid it. Here the matches, capped at TOTAL_EXACT_MAX + 1,
 * are one materialized CTE: counted, then sorted for the page. Null when there are more than the cap
 * (a broad search: the two-step page and the estimated total then) or when the page is empty.
 */
async function pageRecherche(
  conn: Lecteur, def: ResourceDef, where: { sql: string; params: unknown[] },
  p: { sel: { sql: string; params: unknown[] }; order: string; orderParams: unknown[]; taille: number; start: number },
): Promise<{ rows: Record<string, unknown>[]; total: number; start: number } | null> {
  const a = def.alias;
  // When the sort reads only the resource's own columns, the matches carry their row (read anyway by
  // the scan that found them) and the page is sorted from them; else each match is fetched again by id
  // for the sort (9 449 index lookups for « martin » at national volume: half of the search's time).
  const triPropre = [...p.order.matchAll(/\b([a-z_][a-z0-9_]*)\.(?=[a-z_"])/gi)].every((m) => m[1] === a);
  // Only the columns the sort reads (and id) go into the CTE: copying whole rows (9 449 for « martin »)
  // into it and out again cost more than the sort.
  const colonnesTri = [...new Set(['id', ...[...p.order.matchAll(new RegExp(`\\b${a}\\.("?[a-z_][a-z0-9_]*"?)`, 'gi'))].map((m) => m[1])])];
  const pageIds = triPropre
    ? `select ${a}.id from m_ ${a} order by ${p.order} limit ? offset ?`
    : `select ${a}.id from ${fromMinimal(def, p.order)} where ${a}.id in (select id from m_) order by ${p.order} limit ? offset ?`;
  const rows = await conn.execute<Record<string, unknown>[]>(
    `with m_ as materialized (select ${(triPropre ? colonnesTri : ['id']).map((k) => `${a}.${k}`).join(', ')} from ${fromMinimal(def, where.sql)} where ${where.sql} limit ${TOTAL_EXACT_MAX + 1})
     select ${p.sel.sql}, (select count(*) from m_)::int as "total_"
       from ${def.from}
       join (select id, row_number() over () as n from (${pageIds}) x) p_ on p_.id = ${a}.id
      order by p_.n`,
    [...where.params, ...p.sel.params, ...p.orderParams, p.taille, p.start],
  );
  if (rows.length === 0) return null;
  const total = rows[0].total_ as number;
  if (total > TOTAL_EXACT_MAX) return null;
  for (const r of rows) delete r.total_;
  def.decorate?.(rows);
  return { rows, total, start: p.start };
}

/**
 * The total of a list whose page is full: the planner's estimate when it is far above the cap
 * (3 × TOTAL_EXACT_MAX: counting would read that many rows for a number nobody pages through),
 * else count(*) up to TOTAL_EXACT_MAX + 1 rows, exact below the cap; never less than the rows seen.
 */
async function compter(conn: Lecteur, from: string, where: { sql: string; params: unknown[] }, vus: number): Promise<number> {
  const base = `select 1 from ${from} where ${where.sql}`;
  const [plan] = await conn.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>(`explain (format json) ${base}`, where.params);
  const estime = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
  if (estime >= 3 * TOTAL_EXACT_MAX) return Math.max(estime, vus + 1);
  const [{ n }] = await conn.execute<{ n: number }[]>(`select count(*)::int as n from (${base} limit ${TOTAL_EXACT_MAX + 1}) x`, where.params);
  if (n <= TOTAL_EXACT_MAX) return n;
  return Math.max(TOTAL_EXACT_MAX + 1, vus + 1, estime);
}

/**
 * One record the caller may see (404 otherwise). `champs`: only those of its readable fields (a use
 * case that needs one column does not pay for the record's subqueries).
 */
export async function getRow(req: Request, ctx: AppContext, def: ResourceDef, id: number, action: Action = 'read', champs?: readonly string[]) {
  const where = whereClause(req, def, action, {}, ctx.clock.now());
  const lisibles = readableFields(req, def);
  const sel = selectList(def, champs ? lisibles.filter((c) => c === 'id' || champs.includes(c)) : lisibles, { now: ctx.clock.now(), agentId: req.agent!.id });
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
    await tracerLecture(req, ctx, def.name, { filtre: req.query as Record<string, unknown>, nombre: rows.length }); // DATA-TRACES
    res.setHeader('Content-Range', contentRange(def.name, start, rows.length, total));
    res.json(rows);
  });
  r.get('/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const row = await getRow(req, ctx, def, id);
    await tracerLecture(req, ctx, def.name, { entiteId: id }); // DATA-TRACES
    res.json(row);
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
    let avant: Record<string, unknown> | null = null;
    if (id === null) {
      entity = tx.create(w.entity, data as never) as { id: number };
    } else {
      entity = (await tx.findOneOrFail(w.entity, id)) as { id: number };
      avant = { ...entity };
      tx.assign(entity, data as never);
    }
    await tx.flush();
    await w.apresEcriture?.(tx, { id: entity.id, body, avant, agentId: req.agent!.id, now, ip: req.ip });
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
