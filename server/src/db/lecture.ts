import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsolationLevel, Transaction } from '@mikro-orm/core';

/** What a read-only query needs: `execute(sql, params)` with `?` placeholders, rows back. */
export interface Lecteur {
  execute<T = Record<string, unknown>[]>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * Where a read that decides nothing goes (lists and their totals, tab counters, the managers'
 * statistics, export cursors): one of the read replicas of DATABASE_REPLICA_URLS (MikroORM's
 * `read` connection, picked at random), or the primary when none is configured.
 *
 * Inside a transaction (a write, or a read-then-write that locks), the transaction's own connection
 * on the primary: a write never decides on what a lagging replica says. Everything else (sessions,
 * `getRow` after a write, the use cases) keeps `em.execute`, which is always the primary
 * (`preferReadReplicas: false` in mikro-orm.config.ts).
 */
export function lecture(em: EntityManager): Lecteur {
  if (em.isInTransaction()) return { execute: (sql, params = []) => em.execute(sql, params) as never };
  const conn = em.getConnection('read');
  return { execute: (sql, params = []) => conn.execute(sql, params, 'all') as never };
}

/**
 * One read-only transaction on a replica (or the primary when none): `cb` gets a Lecteur bound to
 * it. For reads that need one snapshot over several statements (export cursors).
 */
export async function transactionLecture<T>(
  em: EntityManager,
  options: { isolationLevel?: IsolationLevel },
  cb: (l: Lecteur) => Promise<T>,
): Promise<T> {
  const conn = em.getConnection('read');
  return conn.transactional(
    (trx: Transaction) => cb({ execute: (sql, params = []) => conn.execute(sql, params, 'all', trx) as never }),
    { isolationLevel: options.isolationLevel, readOnly: true },
  );
}
