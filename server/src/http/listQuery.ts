import { z } from 'zod';
import { badRequest } from './problem';
import { comparison } from './abilitySql';
import { propre, verifierValeur } from './input';
import type { FilterContext, FilterSpec, ResourceDef } from './resource';

export const MAX_PAGE = 100;

export interface ListParams {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter: Record<string, unknown>;
}

function parseJsonParam(raw: unknown, name: string, code: string): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw badRequest(code, `Le paramètre « ${name} » doit apparaître une seule fois.`);
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw badRequest(code, `Le paramètre « ${name} » n’est pas un JSON valide.`);
  }
  verifierValeur(v); // "\u0000" inside the JSON text, nesting
  return v;
}

export const sortSchema = z.tuple([z.string().min(1).max(60), z.string().transform((s) => s.toUpperCase()).pipe(z.enum(['ASC', 'DESC']))]);
const rangeSchema = z.tuple([z.number().int().min(0).max(10_000_000), z.number().int().min(0).max(10_000_000)]).refine(([a, b]) => b >= a);
const filterSchema = z.record(z.string().max(60), z.unknown());

/** Parses and validates sort/range/filter (simple-rest); any defect is a 400 with a stable code. */
export function parseListParams(query: Record<string, unknown>, def: ResourceDef): ListParams {
  const rawSort = parseJsonParam(query.sort, 'sort', 'TRI_INVALIDE') ?? def.defaultSort;
  const sort = sortSchema.safeParse(rawSort);
  if (!sort.success) throw badRequest('TRI_INVALIDE', 'Le tri doit être de la forme ["champ","ASC"|"DESC"].');
  if (!isSortable(def, sort.data[0])) throw badRequest('TRI_INVALIDE', `Impossible de trier sur « ${sort.data[0]} ».`);
  const rawRange = parseJsonParam(query.range, 'range', 'PLAGE_INVALIDE') ?? [0, 24];
  const range = rangeSchema.safeParse(rawRange);
  if (!range.success) throw badRequest('PLAGE_INVALIDE', 'La plage doit être de la forme [début, fin] avec 0 ≤ début ≤ fin.');
  const [start, end] = range.data;
  const rawFilter = parseJsonParam(query.filter, 'filter', 'FILTRE_INVALIDE') ?? {};
  const filter = filterSchema.safeParse(rawFilter);
  if (!filter.success || Array.isArray(rawFilter)) throw badRequest('FILTRE_INVALIDE', 'Le filtre doit être un objet JSON.');
  // The parsed JSON itself, not zod's copy: a copy assigns `__proto__` as a prototype and drops the key silently.
  return { sort: sort.data as [string, 'ASC' | 'DESC'], range: [start, Math.min(end, start + MAX_PAGE - 1)], filter: rawFilter as Record<string, unknown> };
}

export function isSortable(def: ResourceDef, field: string) {
  return (Object.hasOwn(def.fields, field) && !(def.unsortable ?? []).includes(field)) || Object.hasOwn(def.sorts ?? {}, field);
}

const SUFFIXES = { _gte: 'gte', _lte: 'lte', _gt: 'gt', _lt: 'lt' } as const;

/** The client's filter as SQL conditions (ANDed by the caller with the ability's scope). */
export function filterToSql(def: ResourceDef, filter: Record<string, unknown>, who: FilterContext): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === '') continue;
    if (key === 'q') {
      addSearch(def, raw, sql, params, who);
      continue;
    }
    if (key === 'id') {
      const ids = (Array.isArray(raw) ? raw : [raw]).map((v) => coerce({ expr: '', type: 'int' }, v, 'id'));
      if (ids.length > 1000) throw badRequest('FILTRE_INVALIDE', 'Au plus 1000 identifiants à la fois.');
      const c = comparison(`${def.alias}.id`, 'in', ids);
      sql.push(c.sql);
      params.push(...c.params);
      continue;
    }
    const suffix = Object.keys(SUFFIXES).find((s) => key.endsWith(s)) as keyof typeof SUFFIXES | undefined;
    const base = suffix ? key.slice(0, -suffix.length) : key;
    const spec = propre(def.filters, base); // never Object.prototype's members (`constructor`, `toString`…)
    if (!spec) throw badRequest('FILTRE_INCONNU', `Filtre inconnu : « ${key} ».`);
    if (spec.type === 'custom') {
      if (suffix) throw badRequest('FILTRE_INCONNU', `Le filtre « ${key} » n’accepte pas de borne.`);
      if (spec.values && (typeof raw !== 'string' || !spec.values.includes(raw))) throw badRequest('FILTRE_INVALIDE', `Valeur invalide pour le filtre « ${key} ».`);
      const c = spec.build!(raw, who);
      sql.push(c.sql);
      params.push(...c.params);
    } else if (suffix) {
      if (spec.type !== 'date' && spec.type !== 'int') throw badRequest('FILTRE_INCONNU', `Le filtre « ${key} » n’accepte pas de borne.`);
      const c = comparison(spec.expr, SUFFIXES[suffix], coerce(spec, raw, key));
      sql.push(c.sql);
      params.push(...c.params);
    } else if (spec.type === 'arrayContains') {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => coerce({ ...spec, type: 'string' }, v, key));
      sql.push(`${spec.expr} && array[${values.map(() => '?').join(', ')}]::text[]`);
      params.push(...values);
    } else if (Array.isArray(raw)) {
      if (raw.length > 1000) throw badRequest('FILTRE_INVALIDE', `Trop de valeurs pour « ${key} ».`);
      const c = comparison(spec.expr, 'in', raw.map((v) => coerce(spec, v, key)));
      sql.push(c.sql);
      params.push(...c.params);
    } else {
      const c = comparison(spec.expr, 'eq', raw === null ? null : coerce(spec, raw, key));
      sql.push(c.sql);
      params.push(...c.params);
    }
  }
  return { sql, params };
}

function coerce(spec: FilterSpec, v: unknown, key: string): unknown {
  const bad = () => badRequest('FILTRE_INVALIDE', `Valeur invalide pour le filtre « ${key} ».`);
  switch (spec.type) {
    case 'int': {
      const n = typeof v === 'string' && /^-?\d{1,12}$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || Math.abs(n) > 2_147_483_647) throw bad();
      return n;
    }
    case 'bool':
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw bad();
    case 'date': {
      if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v))) throw bad();
      return v;
    }
    case 'enum':
      if (typeof v !== 'string' || !spec.values!.includes(v)) throw bad();
      return v;
    default:
      if (typeof v !== 'string' && typeof v !== 'number') throw bad();
      if (String(v).length > 200) throw bad();
      return String(v);
  }
}

/** The bound pattern of one search word: anywhere, accents and case ignored (trigram indexes serve it). */
const MOTIF = `('%' || als_unaccent(?) || '%')`;

/**
 * `q`: each word (at most 5) must be found, anywhere, case and accents ignored, in one of the
 * resource's search expressions: a column or expression `e` (→ `als_unaccent(e) like motif`,
 * served by a trigram index on als_unaccent(e)), or a condition where `{{q}}` is the motif.
 */
/** A text as a LIKE pattern's literal part: `\`, `%` and `_` escaped. */
export const echapperLike = (texte: string) => texte.replace(/[\\%_]/g, (c) => `\\${c}`);

function addSearch(def: ResourceDef, raw: unknown, sql: string[], params: unknown[], who: FilterContext) {
  if (!def.search) throw badRequest('FILTRE_INCONNU', 'La recherche plein texte n’existe pas pour cette ressource.');
  if (typeof raw !== 'string' || raw.length > 100) throw badRequest('FILTRE_INVALIDE', 'La recherche doit être un texte de 100 caractères au plus.');
  const words = raw.split(/\s+/).filter(Boolean).slice(0, 5);
  // `{{departements(col)}}`: `col && <the scope's départements>` when the scope is limited to some, else true.
  const departements = who.departements ? `{${who.departements.join(',')}}` : null;
  for (const w of words) {
    const like = echapperLike(w);
    const parts = def.search.map((e) => {
      if (!e.includes('{{')) return { sql: `als_unaccent(${e}) like ${MOTIF}`, params: [like] };
      const p: unknown[] = [];
      const texte = e.replace(/\{\{(q|departements\(([a-z_.]+)\))\}\}/g, (_m, cle: string, col?: string) => {
        if (cle === 'q') {
          p.push(like);
          return MOTIF;
        }
        if (departements === null) return 'true';
        p.push(departements);
        // Checked on the rows the words matched, not through the column's GIN index: AND-ing the
        // bitmap of every demandeur of the scope (77 915 for 75 + 92 at national volume) cost more
        // than the check of the 4 515 rows « martin » matches (issue #19: 24–29 → 21–25 ms).
        return `(${col} || '{}'::text[]) && ?::text[]`;
      });
      return { sql: texte, params: p };
    });
    sql.push('(' + parts.map((p) => p.sql).join(' or ') + ')');
    for (const p of parts) params.push(...p.params);
  }
}
