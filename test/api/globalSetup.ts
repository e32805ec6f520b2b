import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ormConfig } from '../../server/src/db/mikro-orm.config';
import { migrate } from '../../server/src/db/database';
import { seedDemo } from '../../seeds/index';
import { dropDatabase, recreateDatabase, testServer } from '../support/testDatabase';
import { SEED_NOW } from '../support/constants';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    dataDir: string;
  }
}

/**
 * Once per `vitest run`: a fresh database on a real PostgreSQL, migrated and loaded with the
 * deterministic demo seed (fixed clock), shared by the API test files (they run one at a time).
 */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const name = `als_test_${process.pid}`;
  const url = await recreateDatabase(server.adminUrl, name);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'als-test-'));
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  await migrate(orm);
  await seedDemo(orm.em.fork(), { dataDir, now: SEED_NOW });
  await orm.close(true);
  project.provide('databaseUrl', url);
  project.provide('adminDatabaseUrl', server.adminUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
