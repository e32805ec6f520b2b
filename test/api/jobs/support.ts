import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { migrate } from '@server/db/database';
import { dropDatabase, recreateDatabase } from '@test/support/testDatabase';

export interface BaseDediee {
  orm: MikroORM;
  url: string;
  /** Another MikroORM instance (its own pool) on the same database: a second replica. */
  autreOrm(): Promise<MikroORM>;
  fermer(): Promise<void>;
}

/**
 * A fresh, migrated, empty database of its own (no demo seed): jobs move the clock by months
 * and would close the shared seed's demandes. Dropped at the end.
 */
export async function baseDediee(adminUrl: string, nom: string): Promise<BaseDediee> {
  const name = `als_test_jobs_${nom}_${process.pid}`;
  const url = await recreateDatabase(adminUrl, name);
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 4 } }));
  await migrate(orm);
  const autres: MikroORM[] = [];
  return {
    orm,
    url,
    async autreOrm() {
      const o = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 4 } }));
      autres.push(o);
      return o;
    },
    async fermer() {
      for (const o of autres) await o.close(true);
      await orm.close(true);
      await dropDatabase(adminUrl, name);
    },
  };
}

export const sql = <T = Record<string, unknown>>(orm: MikroORM, q: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(q, params);
