import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ormConfig } from '@server/db/mikro-orm.config';
import { migrate } from '@server/db/database';
import { seedDemo } from '@seeds/index';
import { copierBase, dropDatabase, recreateDatabase, testServer } from '@test/support/testDatabase';
import { SEED_NOW } from '@test/support/constants';
import { startS3rver, useS3rverCredentials } from '@test/support/s3';
import { createStorage } from '@server/storage/create';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /**
     * A copy of the seeded database taken before any test ran, for the race tests of
     * test/api/concurrence/: they create thousands of rows, which must not change what the
     * other files count.
     */
    databaseUrlIsolee: string;
    adminDatabaseUrl: string;
    dataDir: string;
    /** '' → the local folder dataDir; else the STORAGE_URL of the s3rver started here (TEST_STORAGE=s3). */
    storageUrl: string;
  }
}

/**
 * Once per `vitest run`: a fresh database on a real PostgreSQL, migrated and loaded with the
 * deterministic demo seed (fixed clock), shared by the API test files (they run one at a time).
 * The files go to the local folder, or with TEST_STORAGE=s3 to an s3rver started here (the same
 * API tests then run against the S3 back end).
 */
export default async function setup(project: TestProject) {
  const server = await testServer();
  const name = `als_test_${process.pid}`;
  const url = await recreateDatabase(server.adminUrl, name);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'als-test-'));
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  await migrate(orm);
  const s3 = process.env.TEST_STORAGE === 's3' ? await startS3rver() : null;
  if (s3) useS3rverCredentials();
  const storage = createStorage({ storageUrl: s3?.url, dataDir });
  await seedDemo(orm.em.fork(), { storage, now: SEED_NOW });
  await storage.close();
  await orm.close(true);
  const isolee = await copierBase(server.adminUrl, name, `${name}_iso`);
  project.provide('databaseUrl', url);
  project.provide('databaseUrlIsolee', isolee);
  project.provide('adminDatabaseUrl', server.adminUrl);
  project.provide('dataDir', dataDir);
  project.provide('storageUrl', s3?.url ?? '');
  return async () => {
    await s3?.stop();
    await dropDatabase(server.adminUrl, `${name}_iso`);
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
