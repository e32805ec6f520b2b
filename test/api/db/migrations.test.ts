import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '@server/db/migrationsList';
import { migrate } from '@server/db/database';
import { ormConfigMigrations } from '@server/db/mikro-orm.config';
import { dropDatabase, recreateDatabase } from '@test/support/testDatabase';
import { startJobs } from '@server/jobs';
import { FakeClock, testContext } from '@test/support/app';

describe('migrations', () => {
  it('every migration file is in the static list, in order', () => {
    const dir = path.resolve('server/src/db/migrations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
  });

  it('SCALE-REPLICA: three processes started together on an empty database migrate it once and create the job queues, without an error', async () => {
    const nom = `als_test_${process.pid}_migrations`;
    const url = await recreateDatabase(inject('adminDatabaseUrl'), nom);
    const orms = await Promise.all([0, 1, 2].map(() => MikroORM.init(ormConfigMigrations(url))));
    try {
      const resultats = await Promise.allSettled(orms.map((o) => migrate(o)));
      expect(resultats.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason).slice(0, 300))).toEqual([]);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ name: string; n: number }>(`select name, count(*)::int as n from mikro_orm_migrations group by name order by name`);
      await c.end();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ name: m.name, n: 1 })));
      // Then pg-boss: each process creates the queues (tables) and schedules at start; at once, the DDL deadlocked.
      const arrets = await Promise.allSettled(orms.map((o) => startJobs(testContext(o, new FakeClock()), { JOBS: '0' })));
      const echecs = arrets.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason).slice(0, 300));
      await Promise.all(arrets.map((r) => (r.status === 'fulfilled' ? r.value() : undefined)));
      expect(echecs).toEqual([]);
    } finally {
      await Promise.all(orms.map((o) => o.close(true)));
      await dropDatabase(inject('adminDatabaseUrl'), nom);
    }
  }, 120_000);
});
