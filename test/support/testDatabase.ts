import pg from 'pg';
import path from 'node:path';
import { startEmbeddedPostgres } from '@server/db/embedded';

/**
 * A PostgreSQL server for the tests: the one of DATABASE_URL when set (fast, used by CI on
 * this machine), else an embedded one under ./.data/test-pg (a machine with only Node).
 * Returns a URL of the server's maintenance database, to create fresh databases from.
 */
export async function testServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const e = await startEmbeddedPostgres(path.resolve('.data/test-pg'), (m) => console.log(m));
  return { adminUrl: e.url, stop: e.stop };
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

export async function recreateDatabase(adminUrl: string, name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  } finally {
    await c.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await c.end();
  }
}

/** A copy of `source` (no session may be connected to it meanwhile), as a fresh database. */
export async function copierBase(adminUrl: string, source: string, copie: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists "${copie}" with (force)`);
    await c.query(`create database "${copie}" template "${source}"`);
  } finally {
    await c.end();
  }
  return withDatabase(adminUrl, copie);
}
