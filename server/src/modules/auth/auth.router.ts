import { Router, type Response } from 'express';
import { verify } from '@node-rs/argon2';
import { z } from 'zod';
import { rulesFor } from '@shared/abilities';
import type { AppContext, AgentPrincipal } from '@server/context';
import { AGENT_COOKIE, requireAgent } from '@server/http/authenticate';
import { HttpProblem } from '@server/http/problem';
import { parseBody } from '@server/http/validate';
import { ipDe, REGLES } from '@server/http/rateLimit';
import { audit } from '@server/modules/audit-events/audit';
import { decrireRoute } from '@server/openapi/registry';
import { agentProfil, objet } from '@server/openapi/schemas';
import { openSession, revokeSession } from './sessions';
import { checkThrottle, recordFailure, recordSuccess } from './throttle';
import { DUMMY_HASH } from './passwords';

const loginBody = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) });

decrireRoute({
  method: 'post', path: '/api/auth/login', auth: 'public', tags: ['auth'], summary: 'Connexion d’un agent',
  description: 'Répond le jeton (à passer en `Authorization: Bearer`) et pose le cookie httpOnly `als_session`. Même réponse pour un courriel inconnu et un mauvais mot de passe ; après 5 échecs, délai croissant (CNIL 2022-100).',
  body: loginBody,
  reponse: { json: z.object({ token: z.string(), agent: agentProfil }) },
  problemes: { 401: ['IDENTIFIANTS_INVALIDES'], 429: ['TROP_DE_TENTATIVES'] },
});
decrireRoute({ method: 'post', path: '/api/auth/logout', auth: 'agent', tags: ['auth'], summary: 'Déconnexion (la session est révoquée)', reponse: { status: 204 } });
decrireRoute({
  method: 'get', path: '/api/auth/me', auth: 'agent', tags: ['auth'], summary: 'L’agent connecté et ses règles CASL',
  reponse: { json: z.object({ agent: agentProfil, rules: z.array(z.object({
    action: z.union([z.string(), z.array(z.string())]),
    subject: z.union([z.string(), z.array(z.string())]).optional(),
    conditions: z.record(z.string(), z.unknown()).optional().meta({ description: 'Conditions MongoDB de CASL (la console masque ce qu’elles excluent ; le serveur les traduit en SQL)' }),
    fields: z.union([z.string(), z.array(z.string())]).optional(),
    inverted: z.boolean().optional(),
    reason: z.string().optional(),
  }).meta({ description: 'Règle CASL (shared/abilities.ts)' })) }) },
});

const badCredentials = () =>
  new HttpProblem(401, 'IDENTIFIANTS_INVALIDES', 'Adresse électronique ou mot de passe incorrect.');

export function authRouter(ctx: AppContext) {
  const r = Router();

  r.post('/login', async (req, res) => {
    const { email: raw, password } = parseBody(loginBody, req.body);
    const email = raw.toLowerCase();
    const now = ctx.clock.now();
    // Password spraying from one address: a point taken before argon2 (a burst cannot pass the limit), given back unless the credentials are wrong.
    const point = await ctx.limites?.reserver(REGLES.connexionIp, ipDe(req));
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
    }).catch(async (e: unknown) => {
      await point?.rendre(); // not a wrong password (per-account throttle, database): not counted
      throw e;
    });
    if (!outcome) throw badCredentials();
    await point?.rendre();
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
