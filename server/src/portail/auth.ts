import type { RequestHandler, Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '@server/context';
import { tokenFrom } from '@server/http/authenticate';
import { HttpProblem } from '@server/http/problem';
import { resumeSession } from '@server/modules/auth/sessions';
import { cguAAccepter, versionCourante } from '@server/modules/cgu/cgu';

/** The portal's own httpOnly cookie (the agents' is als_session): a session of one kind never opens the other API. */
export const PORTAIL_COOKIE = 'als_portail';

export interface DemandeurPrincipal {
  id: number;
  email: string;
  civilite: string;
  nom: string;
  prenom: string;
  cguVersionAcceptee: string | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      demandeur?: DemandeurPrincipal;
    }
  }
}

const nonConnecte = () => new HttpProblem(401, 'NON_AUTHENTIFIE', 'Votre session a expiré ou vous n’êtes pas connecté. Veuillez vous reconnecter.');
const cguAAccepterProblem = (version: string) =>
  new HttpProblem(403, 'CGU_A_ACCEPTER', `Acceptez les conditions générales d’utilisation en vigueur (version ${version}) pour utiliser votre espace demandeur.`);

async function principal(ctx: AppContext, em: EntityManager, token: string): Promise<{ d: DemandeurPrincipal; sessionId: string } | null> {
  if (token.length > 200) return null;
  const s = await resumeSession(em, token, 'demandeur', ctx.clock.now(), ctx.config);
  if (!s) return null;
  const rows = await em.execute<DemandeurPrincipal[]>(
    `select id, email, civilite, nom, prenom, cgu_version_acceptee as "cguVersionAcceptee"
       from demandeur where id = ? and statut_compte = 'actif' and desactive_le is null`,
    [s.principal_id],
  );
  return rows[0] ? { d: rows[0], sessionId: s.id } : null;
}

/**
 * A live demandeur session (Bearer or the als_portail cookie; idle and absolute expiry of
 * sessions.ts, R-SESSION). With `cgu: true` (the default) the terms in force must have been
 * accepted (R-ACCOUNT, §6.1): 403 CGU_A_ACCEPTER otherwise. Sets req.demandeur, req.sessionId, req.em.
 */
export function requireDemandeur(ctx: AppContext, opts: { cgu?: boolean } = {}): RequestHandler {
  const exigerCgu = opts.cgu ?? true;
  return async (req, _res, next) => {
    const token = tokenFrom(req, PORTAIL_COOKIE);
    if (!token) return next(nonConnecte());
    const em = ctx.orm.em.fork();
    const p = await principal(ctx, em, token);
    if (!p) return next(nonConnecte());
    if (exigerCgu) {
      const courante = await versionCourante(em, ctx.clock.now());
      if (cguAAccepter(courante, p.d.cguVersionAcceptee)) return next(cguAAccepterProblem(courante!.version));
    }
    req.demandeur = p.d;
    req.sessionId = p.sessionId;
    req.em = em;
    next();
  };
}

/**
 * Visitor or demandeur (offers): no token → visitor; a token must be a live session that
 * accepted the CGU (an expired one answers 401, so a client never mistakes the visitor's list
 * for its eligible offers).
 */
export function optionalDemandeur(ctx: AppContext): RequestHandler {
  const strict = requireDemandeur(ctx);
  return (req, res, next) => {
    if (!tokenFrom(req, PORTAIL_COOKIE)) {
      req.em = ctx.orm.em.fork();
      return next();
    }
    return strict(req, res, next);
  };
}

export function setPortailCookie(res: Response, token: string, ctx: AppContext) {
  res.cookie(PORTAIL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.cookieSecure,
    path: '/api/portail',
    maxAge: ctx.config.sessionAbsoluteHours * 3600_000,
  });
}

export function clearPortailCookie(res: Response) {
  res.clearCookie(PORTAIL_COOKIE, { path: '/api/portail' });
}

export const demandeurDe = (req: Request): DemandeurPrincipal => req.demandeur!;
