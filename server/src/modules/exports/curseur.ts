import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { transactionLecture } from '@server/db/lecture';

/**
 * Reads a query's rows through a PostgreSQL server-side cursor (DECLARE … FETCH n), one batch at a
 * time, in a read-only REPEATABLE READ transaction: one scan, one consistent snapshot, and never
 * more than `taille` rows in memory. `traiter` runs for each batch before the next is fetched.
 * With `compter` (a cheap `select count(*) … as n` of the same rows), the count is read first in the
 * same snapshot, for the progression.
 * The whole result is read, so the planner optimises for total time (cursor_tuple_fraction = 1)
 * and JIT is off (its compile time exceeds what it saves on these index-driven plans).
 * On a read replica when DATABASE_REPLICA_URLS is set (db/lecture.ts): the export's rows are read
 * there, its own row (claim, progression, end) is written on the primary by the caller.
 */
export async function parCurseur<R>(
  em: EntityManager,
  sql: string,
  params: unknown[],
  taille: number,
  traiter: (lot: R[]) => Promise<void> | void,
  compter?: { sql: string; params: unknown[]; total: (n: number) => void },
): Promise<number> {
  let total = 0;
  await transactionLecture(
    em,
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
    async (tx) => {
      await tx.execute(`set local jit = off`);
      await tx.execute(`set local cursor_tuple_fraction = 1`);
      if (compter) compter.total((await tx.execute<{ n: number }[]>(compter.sql, compter.params))[0].n);
      await tx.execute(`declare export_curseur no scroll cursor for ${sql}`, params);
      for (;;) {
        const lot = await tx.execute<R[]>(`fetch ${Math.trunc(taille)} from export_curseur`);
        if (lot.length === 0) break;
        total += lot.length;
        await traiter(lot);
        if (lot.length < taille) break;
      }
      await tx.execute('close export_curseur');
    },
  );
  return total;
}
