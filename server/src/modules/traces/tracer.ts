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
export async function tracerLecture(req: Request, ctx: AppContext, ressource: RessourceTracee | (string & {}), o: { entiteId?: number; filtre?: Record<string, unknown>; nombre?: number }) {
  if (!req.agent || !RESSOURCES_TRACEES.includes(ressource)) return;
  await req.em!.execute(
    `insert into trace_acces (at, agent_id, ressource, entite_id, filtre, nombre, ip) values (?, ?, ?, ?, ?::jsonb, ?, ?)`,
    [ctx.clock.now(), req.agent.id, ressource, o.entiteId ?? null, o.filtre ? JSON.stringify(o.filtre) : null, o.nombre ?? null, req.ip ?? null],
  );
}
