import type { RequestHandler, Request } from 'express';
import { defineAbilityFor } from '@shared/abilities';
import type { AppContext, AgentPrincipal } from '@server/context';
import { resumeSession } from '@server/modules/auth/sessions';
import { HttpProblem } from './problem';

export const AGENT_COOKIE = 'als_session';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function tokenFrom(req: Request, cookie: string): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return readCookie(req, cookie);
}

const unauthenticated = () => new HttpProblem(401, 'NON_AUTHENTIFIE', 'Votre session a expiré ou vous n’êtes pas connecté. Veuillez vous reconnecter.');

/** Requires a live agent session; sets req.agent and req.ability (CASL, from shared/). */
export function requireAgent(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    if (req.agent) return next(); // already authenticated by an earlier router of the same request
    const token = tokenFrom(req, AGENT_COOKIE);
    if (!token || token.length > 200) return next(unauthenticated());
    const em = ctx.orm.em.fork();
    const s = await resumeSession(em, token, 'agent', ctx.clock.now(), ctx.config);
    if (!s) return next(unauthenticated());
    const rows = await em
      .execute<AgentPrincipal[]>(`select id, email, nom, prenom, role, territoires from agent where id = ? and actif`, [s.principal_id]);
    if (!rows[0]) return next(unauthenticated());
    req.agent = rows[0];
    req.sessionId = s.id;
    req.ability = defineAbilityFor(rows[0]);
    req.em = em;
    next();
  };
}
