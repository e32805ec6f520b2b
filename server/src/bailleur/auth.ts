import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, RequestHandler, Response } from 'express';
import { etatLien } from '@shared/rules/lienBailleur';
import type { AppContext } from '@server/context';
import type { BailleurLienTable } from '@server/db/schema';
import { readCookie } from '@server/http/authenticate';
import { HttpProblem } from '@server/http/problem';
import { hashToken, resumeSession } from '@server/modules/auth/sessions';

/** The bailleur page's own cookie, scoped to its API: an agent's or a demandeur's session never opens it, nor the reverse. */
export const BAILLEUR_COOKIE = 'als_bailleur';
const CHEMIN_COOKIE = '/api/bailleur';
/** A bailleur session: 30 min without a request, 4 h at most, never past its link. */
export const SESSION_INACTIVITE_MINUTES = 30;
export const SESSION_MAX_HEURES = 4;

export interface BailleurPrincipal {
  lienId: number;
  envoiId: number;
  bailleurId: number;
  bailleurNom: string;
  expireLe: Date;
  sessionId: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      bailleur?: BailleurPrincipal;
    }
  }
}

type LienRow = Pick<BailleurLienTable, 'id' | 'envoi_id' | 'bailleur_id' | 'expire_le' | 'revoque_le'> & { bailleur_nom: string };

const SELECT_LIEN = `select l.id, l.envoi_id, l.bailleur_id, b.nom as bailleur_nom, l.expire_le, l.revoque_le
  from bailleur_lien l join bailleur b on b.id = l.bailleur_id`;

const lienInvalide = () => new HttpProblem(401, 'LIEN_INVALIDE', 'Ce lien n’est pas valide : vérifiez qu’il a été copié en entier depuis le courriel reçu.');
const sessionTerminee = () => new HttpProblem(401, 'NON_AUTHENTIFIE', 'Votre session est terminée : rouvrez le lien reçu par courriel.');

/** R-BAIL-LIEN: 410 once the link is revoked or past its 14 days. */
function verifierLien(l: LienRow, now: Date) {
  const e = etatLien({ expireLe: l.expire_le, revoqueLe: l.revoque_le }, now);
  if (!e.ok) throw new HttpProblem(410, e.code, e.raison);
}

/** The link of a token (from the mail), checked; the caller is in a transaction. */
export async function lienDuJeton(tx: EntityManager, jeton: string, now: Date): Promise<LienRow> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(jeton)) throw lienInvalide();
  const [l] = await tx.execute<LienRow[]>(`${SELECT_LIEN} where l.token_hash = ?`, [hashToken(jeton)]);
  if (!l) throw lienInvalide();
  verifierLien(l, now);
  return l;
}

/** Opens a short session for a live link (only the token's sha256 is stored, as for agents). */
export async function ouvrirSession(tx: EntityManager, l: LienRow, now: Date, meta: { ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const expireLe = new Date(Math.min(now.getTime() + SESSION_MAX_HEURES * 3600_000, new Date(l.expire_le).getTime()));
  await tx.execute(
    `insert into session (id, kind, principal_id, created_at, last_seen_at, expires_at, ip, user_agent) values (?, 'bailleur', ?, ?, ?, ?, ?, ?)`,
    [hashToken(token), l.id, now, now, expireLe, meta.ip?.slice(0, 64) ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  return { token, expireLe };
}

export function poserCookie(res: Response, ctx: AppContext, token: string, expireLe: Date, now: Date) {
  res.cookie(BAILLEUR_COOKIE, token, {
    httpOnly: true, sameSite: 'strict', secure: ctx.config.cookieSecure, path: CHEMIN_COOKIE,
    maxAge: Math.max(0, expireLe.getTime() - now.getTime()),
  });
}

export function effacerCookie(res: Response, ctx: AppContext) {
  res.clearCookie(BAILLEUR_COOKIE, { httpOnly: true, sameSite: 'strict', secure: ctx.config.cookieSecure, path: CHEMIN_COOKIE });
}

/**
 * Cross-site requests never act for the bailleur: besides the SameSite=Strict cookie, a write must
 * come from this origin (Sec-Fetch-Site / Origin when the browser sends them) and carry the
 * page's own header, which a form or a cross-origin fetch without CORS cannot add.
 */
export const ENTETE_PAGE = 'x-als-bailleur';
const hoteDe = (origine: string) => {
  try {
    return new URL(origine).host;
  } catch {
    return null;
  }
};
export function exigerMemeOrigine(req: Request) {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const site = req.headers['sec-fetch-site'];
  const origine = req.headers.origin;
  const hote = req.headers.host;
  const memeOrigine = !origine || (hote !== undefined && hoteDe(origine) === hote);
  if ((site && site !== 'same-origin') || !memeOrigine || req.headers[ENTETE_PAGE] !== '1') {
    throw new HttpProblem(403, 'ORIGINE_REFUSEE', 'Requête refusée : elle ne vient pas de la page bailleur.');
  }
}

/**
 * A live bailleur session (cookie only) on a live link: sets req.bailleur and req.em. A session of
 * a revoked or expired link answers 410 like the link itself.
 */
export function requireBailleur(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    try {
      exigerMemeOrigine(req);
      const token = readCookie(req, BAILLEUR_COOKIE);
      if (!token || token.length > 200) throw sessionTerminee();
      const em = ctx.orm.em.fork();
      const now = ctx.clock.now();
      // The link first: a session of a revoked or expired link answers 410 like the link, even once the session is over.
      const [l] = await em.execute<LienRow[]>(`${SELECT_LIEN} join session s on s.principal_id = l.id and s.kind = 'bailleur' where s.id = ?`, [hashToken(token)]);
      if (!l) throw sessionTerminee();
      verifierLien(l, now);
      const s = await resumeSession(em, token, 'bailleur', now, { sessionIdleMinutes: SESSION_INACTIVITE_MINUTES });
      if (!s) throw sessionTerminee();
      req.bailleur = { lienId: l.id, envoiId: l.envoi_id, bailleurId: l.bailleur_id, bailleurNom: l.bailleur_nom, expireLe: l.expire_le, sessionId: s.id };
      req.em = em;
      next();
    } catch (e) {
      next(e);
    }
  };
}
