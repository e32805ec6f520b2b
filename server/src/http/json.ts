/**
 * MikroORM's PostgreSQL driver returns timestamptz columns of raw queries as PostgreSQL text
 * ('2026-05-10 08:00:00+00'). The API promises ISO 8601 UTC: this JSON replacer, set once on
 * the app, rewrites exactly that shape (a plain date 'YYYY-MM-DD' is left alone).
 */
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export function isoTimestamps(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.length <= 32 && PG_TIMESTAMPTZ.test(value)) {
    const d = new Date(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
    return Number.isNaN(d.getTime()) ? value : d.toISOString();
  }
  return value;
}
