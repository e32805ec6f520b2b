import type pg from 'pg';

/** What every step of the volume seed gets: one connection (temp tables live in its session), counts, the clock. */
export interface Volume {
  /** Runs one statement (`?` placeholders) on the seed's connection, returns its rows. */
  x: <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;
  client: pg.Client;
  now: Date;
  demandeurs: number;
  candidatures: number;
  offres: number;
  justificatifs: number;
  log: (s: string) => void;
}

/** `?` placeholders (as in the app's queries) to pg's `$n`, outside quoted strings. */
export function numeroter(sql: string): string {
  let i = 0;
  return sql.replace(/'(?:[^']|'')*'|\?/g, (m) => (m === '?' ? `$${++i}` : m));
}
