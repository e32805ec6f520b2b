import type { EntityManager } from '@mikro-orm/postgresql';
import { Limiteur } from '@server/http/rateLimit';
import { THROTTLE } from '@server/modules/auth/throttle';

/**
 * Counters that no longer matter: rate-limit windows that ended, and login_throttle rows whose
 * 24 h window is over and that hold no running lock (their next failure would start from zero
 * anyway, the streak forgiven after a quiet day). Keeps both tables small (one row per address
 * or e-mail ever seen otherwise), and drops the e-mails typed at the login form. Also the marks that
 * keep kept classements exact, once every transaction that wrote them is over.
 */
export async function purgerLimites(em: EntityManager, now: Date) {
  const limites = await Limiteur.purger(em, now);
  const [{ n }] = await em.execute<{ n: number }[]>(
    `with d as (delete from login_throttle where updated_at <= ? and window_start <= ? and (locked_until is null or locked_until <= ?) returning 1)
     select count(*)::int as n from d`,
    [new Date(now.getTime() - THROTTLE.windowMs), new Date(now.getTime() - THROTTLE.windowMs), now],
  );
  // The classements' marks of finished transactions (migration classement_marques): deleted with a
  // new epoch in the same statement, so a classement kept by any replica before is rebuilt once.
  const [{ marques }] = await em.execute<{ marques: number }[]>(
    `with d as (delete from classement_marque where xid < pg_snapshot_xmin(pg_current_snapshot()) returning 1),
          e as (update classement_epoque set epoque = pg_current_xact_id() where id = 1 and exists (select 1 from d) returning 1)
     select (select count(*) from d)::int as marques`,
  );
  return { limites, connexions: n, marquesClassement: marques };
}
