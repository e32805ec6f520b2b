import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Reads a query's rows through a PostgreSQL server-side cursor (DECLARE … FETCH n), one batch at a
 * time, in a read-only REPEATABLE READ transaction: one scan, one consistent snapshot, and never
 * more than `taille` rows in memory. `traiter` runs for each batch before the next is fetched.
 */
export async function parCurseur<R>(
  em: EntityManager,
  sql: string,
  params: unknown[],
  taille: number,
  traiter: (lot: R[]) => Promise<void> | void,
): Promise<number> {
  let total = 0;
  await em.fork().transactional(
    async (tx) => {
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
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
  return total;
}
