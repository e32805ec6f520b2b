import type { EntityManager } from '@mikro-orm/postgresql';
import { HttpProblem } from '@server/http/problem';

/**
 * Login throttling per CNIL deliberation 2022-100: after 5 consecutive failures, each new
 * attempt waits at least 60 s, doubling with every further failure; at most 25 failures per
 * account in 24 h. Counters live in the database (one row per kind+email, updated with
 * row locks) so they survive restarts and are shared by every replica.
 */
export const THROTTLE = { freeFailures: 5, baseDelayMs: 60_000, maxDelayMs: 24 * 3600_000, maxFailuresPerDay: 25, windowMs: 24 * 3600_000 };

type Kind = 'agent' | 'demandeur';
interface Row {
  consecutive_failures: number;
  locked_until: Date | null;
  window_start: Date;
  window_failures: number;
}

async function lockRow(em: EntityManager, kind: Kind, email: string, now: Date): Promise<Row> {
  const conn = em;
  await conn.execute(
    `insert into login_throttle (kind, email, consecutive_failures, window_start, window_failures, updated_at)
     values (?, ?, 0, ?, 0, ?) on conflict (kind, email) do nothing`,
    [kind, email, now, now],
  );
  const rows = await conn.execute<Row[]>(`select * from login_throttle where kind = ? and email = ? for update`, [kind, email]);
  return rows[0];
}

function tooMany(retryAfterMs: number, daily: boolean): HttpProblem {
  const secs = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const detail = daily
    ? 'Trop de tentatives de connexion échouées pour ce compte aujourd’hui. Réessayez plus tard ou contactez votre administrateur.'
    : `Trop de tentatives de connexion. Réessayez dans ${secs} secondes.`;
  return new HttpProblem(429, 'TROP_DE_TENTATIVES', detail, undefined, { 'Retry-After': String(secs) });
}

/** Throws 429 when the account is currently throttled. Call inside the login transaction. */
export async function checkThrottle(em: EntityManager, kind: Kind, email: string, now: Date) {
  const row = await lockRow(em, kind, email, now);
  const inWindow = now.getTime() - new Date(row.window_start).getTime() < THROTTLE.windowMs;
  if (inWindow && row.window_failures >= THROTTLE.maxFailuresPerDay) {
    throw tooMany(new Date(row.window_start).getTime() + THROTTLE.windowMs - now.getTime(), true);
  }
  if (row.locked_until && new Date(row.locked_until) > now) {
    throw tooMany(new Date(row.locked_until).getTime() - now.getTime(), false);
  }
}

export async function recordFailure(em: EntityManager, kind: Kind, email: string, now: Date) {
  const row = await lockRow(em, kind, email, now);
  const inWindow = now.getTime() - new Date(row.window_start).getTime() < THROTTLE.windowMs;
  const consecutive = row.consecutive_failures + 1;
  const over = consecutive - THROTTLE.freeFailures;
  const delay = over >= 0 ? Math.min(THROTTLE.baseDelayMs * 2 ** over, THROTTLE.maxDelayMs) : 0;
  await em.execute(
    `update login_throttle set consecutive_failures = ?, locked_until = ?, window_start = ?, window_failures = ?, updated_at = ?
     where kind = ? and email = ?`,
    [consecutive, delay ? new Date(now.getTime() + delay) : null, inWindow ? row.window_start : now, inWindow ? row.window_failures + 1 : 1, now, kind, email],
  );
}

export async function recordSuccess(em: EntityManager, kind: Kind, email: string, now: Date) {
  await em.execute(
    `update login_throttle set consecutive_failures = 0, locked_until = null, updated_at = ? where kind = ? and email = ?`,
    [now, kind, email],
  );
}
