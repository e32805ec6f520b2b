import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { ResourceName } from '@shared/domain/enums';

/** How one filter key of the simple-rest `filter` param maps to SQL. */
export interface FilterSpec {
  expr: string;
  type: 'string' | 'int' | 'bool' | 'date' | 'enum' | 'arrayContains' | 'custom';
  values?: readonly string[];
  /** `custom` filters: the SQL for one value, knowing who asks (e.g. "Mes dossiers"). */
  build?: (value: unknown, who: FilterContext) => { sql: string; params: unknown[] };
}

export interface FilterContext {
  agentId: number;
  now: Date;
  /** The départements the caller's scope is limited to (departementsDuPerimetre), for `{{departements(col)}}` in a search expression. */
  departements?: string[] | null;
}

/** A virtual field of the CASL conditions, as SQL: a column, or a builder for `field op value`. */
export type ScopeField = string | ((op: string, value: unknown) => { sql: string; params: unknown[] });

/**
 * The description of one resource for the generic simple-rest layer: where its rows come
 * from, how each API field is computed, which filters and sorts exist, and how the ability's
 * virtual fields become SQL. SQL fragments here are code, never user input; user values are
 * always bound parameters. `{{now}}` in an expression is bound to the request's clock, `{{agent}}`
 * to the caller's id (fields that differ per agent, e.g. a dossier he follows).
 */
export interface ResourceDef {
  name: ResourceName;
  /** FROM clause with the joins needed by `fields`; the main table's alias is `alias`. */
  from: string;
  alias: string;
  /**
   * Aliases of joins of `from` that neither add nor remove rows (a NOT NULL foreign key to a
   * primary key, or a left join on one): the page and count queries leave them out when their
   * WHERE and ORDER BY do not use them.
   */
  joinsFacultatifs?: string[];
  /** Sortable fields that are never null (NOT NULL columns): sorted without `nulls last`, as their index is. */
  triNonNul?: string[];
  fields: Record<string, string>;
  filters: Record<string, FilterSpec>;
  /**
   * What `q` searches (each word anywhere, case and accents ignored, listQuery.ts): expressions
   * (`als_unaccent(e) like …`) or conditions where `{{q}}` stands for the word's pattern.
   */
  search?: string[];
  scope: Record<string, ScopeField>;
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Fields that may not be sorted on (json, arrays). */
  unsortable?: string[];
  /** Sort fields whose ORDER BY is not the field itself (e.g. rang → palier, date, id: index order). */
  sorts?: Record<string, (dir: 'ASC' | 'DESC') => string>;
  /** Post-processing of the selected rows (e.g. French explanation of a rank), in one pass, no query. */
  decorate?: (rows: Record<string, unknown>[]) => void;
  write?: {
    // any: EntitySchema is invariant in its entity type and this layer writes every entity.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    entity: EntityName<any>;
    create?: z.ZodType<Record<string, unknown>>;
    update?: z.ZodType<Record<string, unknown>>;
    /** API body → entity data (e.g. bailleurId → bailleur). */
    toEntity?: (body: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;
    /**
     * What a write implies beyond the row, in the same transaction, after the flush (e.g. an
     * agent's sessions revoked when the password changes). `avant`: the row before an update.
     */
    apresEcriture?: (tx: EntityManager, e: { id: number; body: Record<string, unknown>; avant: Record<string, unknown> | null; agentId: number; now: Date; ip?: string }) => Promise<void>;
  };
}
