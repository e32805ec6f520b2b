/**
 * MikroORM's PostgreSQL driver returns timestamptz columns of raw queries as PostgreSQL text
 * ('2026-05-10 08:00:00+00'). The API promises ISO 8601 UTC: `timestampsIso` rewrites exactly that
 * shape (a plain date 'YYYY-MM-DD' is left alone) in every JSON answer, before it is serialised.
 */
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
/** The shape the server's own sessions give (TimeZone UTC): converted by slicing, no Date. */
const PG_UTC = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/;

/** One PostgreSQL timestamptz text as ISO 8601 UTC with milliseconds (what Date#toISOString gives). */
function versIso(value: string): string {
  if (PG_UTC.test(value)) {
    // toISOString truncates to the millisecond: '.123456' → '.123', '.5' → '.500', none → '.000'.
    const fraction = value.length > 22 ? value.slice(20, value.length - 3) : '';
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${(fraction + '000').slice(0, 3)}Z`;
  }
  const d = new Date(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

function estTimestamptz(value: string): boolean {
  // Cheap checks first: most strings of an answer are not dates.
  return value.length >= 22 && value.length <= 32 && value.charCodeAt(10) === 32 && value.charCodeAt(4) === 45 && PG_TIMESTAMPTZ.test(value);
}

/** As a JSON.stringify replacer (e.g. a file written by the server). */
export function isoTimestamps(_key: string, value: unknown): unknown {
  return typeof value === 'string' && estTimestamptz(value) ? versIso(value) : value;
}

/**
 * The same for a whole answer, walked once before a plain JSON.stringify: a replacer function makes
 * V8 leave its fast serialiser and call back into JavaScript for every key (for the 2 333 rows of a
 * classement, 10× the time of the serialisation itself). Copy on write: objects and arrays that hold
 * no timestamp are returned as they are, never modified in place; what has a toJSON (a Date, a Buffer,
 * an entity) is walked through what toJSON gives, as JSON.stringify would.
 */
export function timestampsIso<T>(value: T): T {
  if (typeof value === 'string') return (estTimestamptz(value) ? versIso(value) : value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copie: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const avant = value[i];
      const apres = timestampsIso(avant);
      if (apres !== avant) (copie ??= value.slice())[i] = apres;
    }
    return (copie ?? value) as T;
  }
  // Serialised through its toJSON (an entity, a Buffer): walk what it gives; a Date stays a Date.
  const versJson = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof versJson === 'function') return value instanceof Date ? value : (timestampsIso(versJson.call(value)) as T);
  let copie: Record<string, unknown> | null = null;
  for (const cle of Object.keys(value)) {
    const avant = (value as Record<string, unknown>)[cle];
    const apres = timestampsIso(avant);
    if (apres !== avant) (copie ??= { ...(value as Record<string, unknown>) })[cle] = apres;
  }
  return (copie ?? value) as T;
}
