import pg from 'pg';

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, on a connection of its own (never the
 * app's pool): start-up steps that every process runs and that must not run twice at once (the
 * migrations, pg-boss's queue DDL) go one process after the other when N replicas start together.
 * A process that dies releases the lock with its connection.
 */
export async function sousVerrouGlobal<T>(url: string, cle: string, fn: () => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, application_name: 'als-demarrage' });
  await c.connect();
  try {
    await c.query('select pg_advisory_lock(hashtext($1))', [cle]);
    return await fn();
  } finally {
    await c.end(); // ends the session, and with it the lock
  }
}
