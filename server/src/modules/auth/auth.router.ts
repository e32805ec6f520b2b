import { Router, type Response } from 'express';
import { verify } from '@node-rs/argon2';
import { z } from 'zod';
import { rulesFor } from '../../../../shared/abilities';
import type { AppContext, AgentPrincipal } from '../../context';
import { AGENT_COOKIE, requireAgent } from '../../http/authenticate';
import { HttpProblem } from '../../http/problem';
import { parseBody } from '../../http/validate';
import { audit } from '../audit-events/audit';
import { openSession, revokeSession } from './sessions';
import { checkThrottle, recordFailure, recordSuccess } from './throttle';
import { DUMMY_HASH } from './passwords';

const loginBody = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });

const badCredentials = () =>
  new HttpProblem(401, 'IDENTIFIANTS_INVALIDES', 'Adresse électronique ou mot de passe incorrect.');

export function authRouter(ctx: AppContext) {
  const r = Router();

  r.post('/login', async (req, res) => {
    const { email: raw, password } = parseBody(loginBody, req.body);
    const email = raw.toLowerCase();
    const now = ctx.clock.now();
    const em = ctx.orm.em.fork();
    const outcome = await em.transactional(async (tx) => {
      await checkThrottle(tx, 'agent', email, now);
      const rows = await tx
        .execute<(AgentPrincipal & { password_hash: string })[]>(
          `select id, email, nom, prenom, role, territoires, password_hash from agent where email = ? and actif`,
          [email],
        );
      const agent = rows[0];
      // Same work and same answer whether the email exists or not (no account oracle).
      const ok = await verify(agent?.password_hash ?? DUMMY_HASH, password).catch(() => false);
      if (!agent || !ok) {
        await recordFailure(tx, 'agent', email, now);
        audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'connexion_echec', entite: 'agent', entiteId: agent?.id ?? null, ip: req.ip });
        return null;
      }
      await recordSuccess(tx, 'agent', email, now);
      const session = await openSession(tx, 'agent', agent.id, now, ctx.config, { ip: req.ip, userAgent: req.get('user-agent') });
      audit(tx, { at: now, acteur: { type: 'agent', id: agent.id }, action: 'connexion', entite: 'agent', entiteId: agent.id, ip: req.ip });
      const { password_hash: _omit, ...profile } = agent;
      return { session, agent: profile };
    });
    if (!outcome) throw badCredentials();
    setCookie(res, outcome.session.token, ctx);
    res.json({ token: outcome.session.token, agent: outcome.agent });
  });

  r.post('/logout', requireAgent(ctx), async (req, res) => {
    const em = req.em!;
    const now = ctx.clock.now();
    await em.transactional(async (tx) => {
      await revokeSession(tx, req.sessionId!, now);
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'deconnexion', entite: 'agent', entiteId: req.agent!.id, ip: req.ip });
    });
    res.clearCookie(AGENT_COOKIE, { path: '/api' });
    res.status(204).end();
  });

  r.get('/me', requireAgent(ctx), (req, res) => {
    res.json({ agent: req.agent, rules: rulesFor(req.agent!) });
  });

  return r;
}

function setCookie(res: Response, token: string, ctx: AppContext) {
  res.cookie(AGENT_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.cookieSecure,
    path: '/api',
    maxAge: ctx.config.sessionAbsoluteHours * 3600_000,
  });
}
