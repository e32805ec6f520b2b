import type { Request } from 'express';
import { RESSOURCES_TRACEES, type RessourceTracee } from '@shared/domain/traces';
import type { AppContext } from '@server/context';

/**
 * DATA-TRACES (CNIL deliberation 2021-122): every read of personal data by an agent — through the
 * simple-rest layer, and the domain views that show it (shared/domain/traces.ts) — is recorded:
 * who, when, which record (show) or which filter and how many rows (list), from which address.
 * Written before the answer leaves: a read that cannot be traced is not served. Kept 6 months
 * (shared/rules/conservation.ts, `trace_acces`).
 */
export async function tracerLecture(
  req: Request,
  ctx: AppContext,
  ressource: RessourceTracee | (string & {}),
  o: { entiteId?: number; filtre?: Record<string, unknown>; nombre?: number; nombreSql?: { sql: string; params: unknown[] } },
) {
  if (!req.agent || !RESSOURCES_TRACEES.includes(ressource)) return;
  // `nombreSql`: the row count as a subquery, so the trace can be written while the read itself runs
  // (its commit no longer adds to the answer's time); both are awaited before anything is sent.
  await req.em!.execute(
    `insert into trace_acces (at, agent_id, ressource, entite_id, filtre, nombre, ip) values (?, ?, ?, ?, ?::jsonb, ${o.nombreSql ? `(${o.nombreSql.sql})` : '?'}, ?)`,
    [ctx.clock.now(), req.agent.id, ressource, o.entiteId ?? null, o.filtre ? JSON.stringify(o.filtre) : null, ...(o.nombreSql ? o.nombreSql.params : [o.nombre ?? null]), req.ip ?? null],
  );
}
