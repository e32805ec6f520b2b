import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '@server/config';

/**
 * Server-side sessions: the client holds a random token (cookie or Bearer), the database
 * holds its sha256 with the idle and absolute deadlines. Logout revokes the row.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  id: string;
  kind: 'agent' | 'demandeur' | 'bailleur';
  principal_id: number;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export async function openSession(
  em: EntityManager,
  kind: 'agent' | 'demandeur' | 'bailleur',
  principalId: number,
  now: Date,
  cfg: Pick<Config, 'sessionAbsoluteHours'>,
  meta: { ip?: string; userAgent?: string } = {},
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + cfg.sessionAbsoluteHours * 3600_000);
  await em.execute(
    `insert into session (id, kind, principal_id, created_at, last_seen_at, expires_at, ip, user_agent) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [hashToken(token), kind, principalId, now, now, expiresAt, meta.ip?.slice(0, 64) ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  return { token, expiresAt };
}

/**
 * The live session for a token, or null when unknown, revoked, idle for too long or past its
 * absolute end. Touches last_seen_at at most once a minute (no write per request).
 */
export async function resumeSession(
  em: EntityManager,
  token: string,
  kind: 'agent' | 'demandeur' | 'bailleur',
  now: Date,
  cfg: Pick<Config, 'sessionIdleMinutes'>,
): Promise<SessionRow | null> {
  const id = hashToken(token);
  const rows = await em.execute<SessionRow[]>(`select * from session where id = ? and kind = ?`, [id, kind]);
  const s = rows[0];
  if (!s || s.revoked_at) return null;
  const idleDeadline = new Date(s.last_seen_at).getTime() + cfg.sessionIdleMinutes * 60_000;
  if (now.getTime() >= idleDeadline || now.getTime() >= new Date(s.expires_at).getTime()) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
    await em.execute(`update session set last_seen_at = ? where id = ?`, [now, id]);
  }
  return s;
}

export async function revokeSession(em: EntityManager, id: string, now: Date) {
  await em.execute(`update session set revoked_at = ? where id = ? and revoked_at is null`, [now, id]);
}
