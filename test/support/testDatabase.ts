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

/** Runs statements one after the other on a connection of their own (database creation and removal cannot run in a transaction). */
export async function adminSql(url: string, ...statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const sql of statements) await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function recreateDatabase(adminUrl: string, name: string) {
  await adminSql(adminUrl, `drop database if exists "${name}" with (force)`, `create database "${name}"`);
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string) {
  await adminSql(adminUrl, `drop database if exists "${name}" with (force)`);
}

/** A copy of `source` (no session may be connected to it meanwhile), as a fresh database. */
export async function copierBase(adminUrl: string, source: string, copie: string) {
  await adminSql(adminUrl, `drop database if exists "${copie}" with (force)`, `create database "${copie}" template "${source}"`);
  return withDatabase(adminUrl, copie);
}
