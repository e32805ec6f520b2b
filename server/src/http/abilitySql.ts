import { rulesToAST } from '@casl/ability/extra';
import type { AppAbility, Action } from '@shared/abilities';
import type { ResourceDef } from './resource';

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

/**
 * The caller's ability for (action, resource) as one SQL boolean expression, to be ANDed
 * with the client's filter. Null when no rule grants the action at all (→ 403).
 */
export function abilityToSql(ability: AppAbility, action: Action, def: ResourceDef): { sql: string; params: unknown[] } | null {
  const ast = rulesToAST(ability, action, def.name) as AstNode | null;
  if (!ast) return null;
  return nodeToSql(ast, def);
}

/**
 * The départements that `action` on `def` is limited to, when the ability's whole condition is
 * `departement in (…)` (a conseiller's territories, or an « or » of such rules); null for anything
 * else (no condition, or another kind). Used only to narrow a search's subqueries before they probe
 * the resource (the demandeurs matching « martin » whose candidatures are in these départements):
 * the scope itself is still ANDed to the query, so a null or a wider list changes no answer.
 */
export function departementsDuPerimetre(ability: AppAbility, action: Action, def: ResourceDef): string[] | null {
  const ast = rulesToAST(ability, action, def.name) as AstNode | null;
  const liste = (n: AstNode): string[] | null => {
    if (n.field === 'departement' && n.operator === 'in' && Array.isArray(n.value)) return (n.value as unknown[]).map(String);
    if (n.field === undefined && (n.operator === 'or' || n.operator === 'and') && Array.isArray(n.value)) {
      const enfants = n.value as AstNode[];
      if (enfants.length === 1) return liste(enfants[0]);
      if (n.operator !== 'or' || enfants.length === 0) return null;
      const toutes = enfants.map(liste);
      return toutes.some((l) => l === null) ? null : [...new Set(toutes.flat() as string[])];
    }
    return null;
  };
  return ast ? liste(ast) : null;
}

function nodeToSql(node: AstNode, def: ResourceDef): { sql: string; params: unknown[] } {
  const children = Array.isArray(node.value) ? (node.value as AstNode[]) : [];
  switch (node.operator) {
    case 'and':
    case 'or': {
      if (node.field === undefined && children.length === 0) return { sql: node.operator === 'and' ? 'true' : 'false', params: [] };
      if (node.field === undefined) {
        const parts = children.map((c) => nodeToSql(c, def));
        return { sql: '(' + parts.map((p) => p.sql).join(node.operator === 'and' ? ' and ' : ' or ') + ')', params: parts.flatMap((p) => p.params) };
      }
      break;
    }
    case 'not': {
      const inner = nodeToSql(node.value as AstNode, def);
      return { sql: `(not ${inner.sql})`, params: inner.params };
    }
  }
  return fieldToSql(node, def);
}

function fieldToSql(node: AstNode, def: ResourceDef): { sql: string; params: unknown[] } {
  const scope = node.field ? def.scope[node.field] : undefined;
  if (scope === undefined) throw new Error(`No SQL mapping for ability field ${def.name}.${node.field}`);
  if (typeof scope === 'function') return scope(node.operator, node.value);
  return comparison(scope, node.operator, node.value);
}

/** `expr op value` with bound parameters; `in` with an empty list is false. */
export function comparison(expr: string, op: string, value: unknown): { sql: string; params: unknown[] } {
  switch (op) {
    case 'eq':
      return value === null ? { sql: `${expr} is null`, params: [] } : { sql: `${expr} = ?`, params: [value] };
    case 'ne':
      return value === null ? { sql: `${expr} is not null`, params: [] } : { sql: `${expr} is distinct from ?`, params: [value] };
    case 'in':
    case 'nin': {
      const list = value as unknown[];
      if (list.length === 0) return { sql: op === 'in' ? 'false' : 'true', params: [] };
      return { sql: `${expr} ${op === 'in' ? 'in' : 'not in'} (${list.map(() => '?').join(', ')})`, params: list };
    }
    case 'lt':
      return { sql: `${expr} < ?`, params: [value] };
    case 'lte':
      return { sql: `${expr} <= ?`, params: [value] };
    case 'gt':
      return { sql: `${expr} > ?`, params: [value] };
    case 'gte':
      return { sql: `${expr} >= ?`, params: [value] };
    default:
      throw new Error(`Unsupported ability operator ${op}`);
  }
}

/**
 * Scope builder for "tied to offers of these départements" (`departementsCandidatures`): the
 * départements of the candidatures, stored on demande and demandeur (`departements text[]`, kept by
 * triggers on candidature, migration …_territoires_stockes) and served by their GIN index.
 */
export function departementsStockes(expr: string) {
  return (op: string, value: unknown): { sql: string; params: unknown[] } => {
    if (op === 'eq') return { sql: `? = any(${expr})`, params: [value] };
    if (op !== 'in' && op !== 'nin') throw new Error(`Unsupported ability operator ${op} on ${expr}`);
    const list = value as unknown[];
    if (list.length === 0) return { sql: op === 'in' ? 'false' : 'true', params: [] };
    const overlap = `${expr} && array[${list.map(() => '?').join(', ')}]::text[]`;
    return { sql: op === 'in' ? overlap : `not (${overlap})`, params: list };
  };
}
