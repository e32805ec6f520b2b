import { Router } from 'express';
import type { AppContext } from '@server/context';
import { HttpProblem } from '@server/http/problem';
import { parseBody } from '@server/http/validate';
import { logger } from '@server/logger';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { audit } from '@server/modules/audit-events/audit';
import { revokeSession } from '@server/modules/auth/sessions';
import { accepterCgu, versionCourante } from '@server/modules/cgu/cgu';
import { connecter } from '@server/modules/comptes/connexion';
import { creerCompte } from '@server/modules/comptes/creer';
import { fermerCompte } from '@server/modules/comptes/fermer';
import { renvoyerLien, verifierEmail } from '@server/modules/comptes/liens';
import { refusMotDePasse } from '@shared/rules/motDePasse';
import { clearPortailCookie, demandeurDe, requireDemandeur, setPortailCookie } from './auth';
import { cguBody, compteBody, connexionBody, renvoyerBody, verifierBody } from './schemas';
import { z } from 'zod';
import { decrireRoute } from '@server/openapi/registry';
import { message } from '@server/openapi/schemas';
import { cguEnVigueur, compte, compteCree, compteFerme, connexionReponse } from './reponses';

decrireRoute({
  method: 'post', path: '/api/portail/comptes', auth: 'public', body: compteBody, summary: 'Créer un compte demandeur (un lien de vérification valable 72 h est envoyé)',
  description: 'Même réponse quand l’adresse est déjà prise (pas d’oracle de compte). Mot de passe : 12 à 128 caractères, ni courant ni l’adresse.',
  reponse: { status: 201, json: compteCree }, problemes: { 429: ['TROP_DE_REQUETES'] },
});
decrireRoute({
  method: 'post', path: '/api/portail/comptes/verifier', auth: 'public', body: verifierBody, summary: 'Vérifier l’adresse avec le jeton du lien reçu',
  reponse: { json: z.object({ statutCompte: z.string(), message: z.string() }) }, problemes: { 400: ['LIEN_INVALIDE'], 410: ['LIEN_EXPIRE'] },
});
decrireRoute({
  method: 'post', path: '/api/portail/comptes/renvoyer-lien', auth: 'public', body: renvoyerBody, summary: 'Renvoyer un lien de vérification (même réponse pour toute adresse)',
  reponse: { status: 202, json: message }, problemes: { 429: ['TROP_DE_REQUETES'] },
});
decrireRoute({
  method: 'post', path: '/api/portail/connexion', auth: 'public', body: connexionBody, summary: 'Connexion d’un demandeur',
  description: 'Répond le jeton (Bearer) et pose le cookie httpOnly `als_portail`. `cguAAccepter` : accepter les CGU en vigueur avant le reste.',
  reponse: { json: connexionReponse }, problemes: { 401: ['IDENTIFIANTS_INVALIDES'], 403: ['COMPTE_A_VERIFIER'], 429: ['TROP_DE_TENTATIVES'] },
});
decrireRoute({ method: 'post', path: '/api/portail/deconnexion', auth: 'demandeur-sans-cgu', summary: 'Déconnexion (session révoquée)', reponse: { status: 204 } });
decrireRoute({ method: 'get', path: '/api/portail/cgu', auth: 'public', summary: 'Les conditions générales d’utilisation en vigueur', reponse: { json: cguEnVigueur } });
decrireRoute({
  method: 'post', path: '/api/portail/cgu/accepter', auth: 'demandeur-sans-cgu', body: cguBody, summary: 'Accepter la version en vigueur des CGU',
  reponse: { json: z.object({ cguVersionAcceptee: z.string(), cguAAccepter: z.literal(false) }) }, problemes: { 409: ['CGU_VERSION_PERIMEE'] },
});
decrireRoute({ method: 'get', path: '/api/portail/compte', auth: 'demandeur', summary: 'Mon compte', reponse: { json: compte } });
decrireRoute({
  method: 'delete', path: '/api/portail/compte', auth: 'demandeur-sans-cgu', summary: 'Fermer mon compte (§4.2) : demande et candidatures clôturées, sessions révoquées',
  reponse: { json: compteFerme },
});

const MESSAGE_INSCRIPTION =
  'Un courriel vient d’être envoyé à cette adresse : il contient le lien, valable 72 heures, qui active votre espace demandeur.';
const MESSAGE_RENVOI = 'Si un compte en attente de vérification existe pour cette adresse, un nouveau lien valable 72 heures vient de lui être envoyé.';

/** Accounts, sessions and terms of use of the portal (R-ACCOUNT, R-SESSION, §4.2, §6, §9, §10). */
export function comptesRouter(ctx: AppContext) {
  const r = Router();

  r.post('/comptes', limiter(ctx, REGLES.inscriptionIp, ipDe), async (req, res) => {
    const body = parseBody(compteBody, req.body);
    const raison = refusMotDePasse(body.motDePasse, body.email);
    if (raison) throw new HttpProblem(400, 'VALIDATION', raison, [{ field: 'motDePasse', message: raison }]);
    await ctx.orm.em.fork().transactional((tx) => creerCompte(tx, body, ctx.clock.now(), ctx.config.secret, req.ip));
    res.status(201).json({ email: body.email, statutCompte: 'a_verifier', message: MESSAGE_INSCRIPTION });
  });

  r.post('/comptes/verifier', async (req, res) => {
    const { token } = parseBody(verifierBody, req.body);
    const out = await ctx.orm.em.fork().transactional((tx) => verifierEmail(tx, token, ctx.clock.now(), req.ip));
    res.json({ ...out, message: 'Votre adresse électronique est vérifiée : connectez-vous et acceptez les conditions générales d’utilisation.' });
  });

  r.post('/comptes/renvoyer-lien', limiter(ctx, REGLES.renvoiIp, ipDe), async (req, res) => {
    const { email } = parseBody(renvoyerBody, req.body);
    await ctx.limites?.consommer(REGLES.renvoiCompte, email);
    // The answer leaves before any work that depends on the account: an unknown address and a
    // pending account take the same time (no oracle). A crash in between loses one resend, which
    // the person asks again.
    const now = ctx.clock.now();
    res.once('finish', () => {
      void ctx.orm.em
        .fork()
        .transactional((tx) => renvoyerLien(tx, email, now, ctx.config.secret))
        .catch((e: unknown) => (ctx.logger ?? logger).error({ err: e }, 'Renvoi du lien de vérification en échec.'));
    });
    res.status(202).json({ message: MESSAGE_RENVOI });
  });

  r.post('/connexion', async (req, res) => {
    const { email, motDePasse } = parseBody(connexionBody, req.body);
    const meta = { ip: req.ip, userAgent: req.get('user-agent') };
    // A point taken before argon2, atomically (a burst cannot pass the limit), given back unless the credentials are wrong.
    const point = await ctx.limites?.reserver(REGLES.connexionIp, ipDe(req));
    const out = await ctx.orm.em
      .fork()
      .transactional((tx) => connecter(tx, email, motDePasse, ctx.clock.now(), ctx.config, meta))
      .catch(async (e: unknown) => {
        await point?.rendre();
        throw e;
      });
    if (out) await point?.rendre();
    if (!out) throw new HttpProblem(401, 'IDENTIFIANTS_INVALIDES', 'Adresse électronique ou mot de passe incorrect.');
    setPortailCookie(res, out.token, ctx);
    res.json({ token: out.token, cguAAccepter: out.cguAAccepter, cguVersion: out.cguVersion, demandeur: out.demandeur });
  });

  r.post('/deconnexion', requireDemandeur(ctx, { cgu: false }), async (req, res) => {
    const now = ctx.clock.now();
    const id = demandeurDe(req).id;
    await req.em!.transactional(async (tx) => {
      await revokeSession(tx, req.sessionId!, now);
      audit(tx, { at: now, acteur: { type: 'demandeur', id }, action: 'deconnexion', entite: 'demandeur', entiteId: id, ip: req.ip });
    });
    clearPortailCookie(res);
    res.status(204).end();
  });

  r.get('/cgu', async (_req, res) => {
    const v = await versionCourante(ctx.orm.em.fork(), ctx.clock.now());
    res.json(v);
  });

  r.post('/cgu/accepter', requireDemandeur(ctx, { cgu: false }), async (req, res) => {
    const { version } = parseBody(cguBody, req.body);
    const v = await req.em!.transactional((tx) => accepterCgu(tx, demandeurDe(req).id, version, ctx.clock.now(), req.ip));
    res.json({ cguVersionAcceptee: v.version, cguAAccepter: false });
  });

  r.get('/compte', requireDemandeur(ctx), async (req, res) => {
    const rows = await req.em!.execute(
      `select id, civilite, nom, prenom, email, date_naissance as "dateNaissance", telephone, statut_compte as "statutCompte",
              cgu_version_acceptee as "cguVersionAcceptee", derniere_connexion as "derniereConnexion", created_at as "createdAt"
         from demandeur where id = ?`,
      [demandeurDe(req).id],
    );
    res.json(rows[0]);
  });

  // §6.2: closing stays possible without accepting new terms.
  r.delete('/compte', requireDemandeur(ctx, { cgu: false }), async (req, res) => {
    const out = await req.em!.transactional((tx) => fermerCompte(tx, demandeurDe(req).id, ctx.clock.now(), req.ip));
    clearPortailCookie(res);
    res.json({ statutCompte: 'ferme', ...out });
  });

  return r;
}
