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
