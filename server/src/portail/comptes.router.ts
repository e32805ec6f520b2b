import { Router } from 'express';
import type { AppContext } from '../context';
import { HttpProblem } from '../http/problem';
import { parseBody } from '../http/validate';
import { audit } from '../modules/audit-events/audit';
import { revokeSession } from '../modules/auth/sessions';
import { accepterCgu, versionCourante } from '../modules/cgu/cgu';
import { connecter } from '../modules/comptes/connexion';
import { creerCompte } from '../modules/comptes/creer';
import { fermerCompte } from '../modules/comptes/fermer';
import { renvoyerLien, verifierEmail } from '../modules/comptes/liens';
import { refusMotDePasse } from '../modules/comptes/motDePasse';
import { clearPortailCookie, demandeurDe, requireDemandeur, setPortailCookie } from './auth';
import { cguBody, compteBody, connexionBody, renvoyerBody, verifierBody } from './schemas';

const MESSAGE_INSCRIPTION =
  'Un courriel vient d’être envoyé à cette adresse : il contient le lien, valable 72 heures, qui active votre espace demandeur.';
const MESSAGE_RENVOI = 'Si un compte en attente de vérification existe pour cette adresse, un nouveau lien valable 72 heures vient de lui être envoyé.';

/** Accounts, sessions and terms of use of the portal (R-ACCOUNT, R-SESSION, §4.2, §6, §9, §10). */
export function comptesRouter(ctx: AppContext) {
  const r = Router();

  r.post('/comptes', async (req, res) => {
    const body = parseBody(compteBody, req.body);
    const raison = refusMotDePasse(body.motDePasse, body.email);
    if (raison) throw new HttpProblem(400, 'VALIDATION', raison, [{ field: 'motDePasse', message: raison }]);
    await ctx.orm.em.fork().transactional((tx) => creerCompte(tx, body, ctx.clock.now(), req.ip));
    res.status(201).json({ email: body.email, statutCompte: 'a_verifier', message: MESSAGE_INSCRIPTION });
  });

  r.post('/comptes/verifier', async (req, res) => {
    const { token } = parseBody(verifierBody, req.body);
    const out = await ctx.orm.em.fork().transactional((tx) => verifierEmail(tx, token, ctx.clock.now(), req.ip));
    res.json({ ...out, message: 'Votre adresse électronique est vérifiée : connectez-vous et acceptez les conditions générales d’utilisation.' });
  });

  r.post('/comptes/renvoyer-lien', async (req, res) => {
    const { email } = parseBody(renvoyerBody, req.body);
    await ctx.orm.em.fork().transactional((tx) => renvoyerLien(tx, email, ctx.clock.now()));
    res.status(202).json({ message: MESSAGE_RENVOI });
  });

  r.post('/connexion', async (req, res) => {
    const { email, motDePasse } = parseBody(connexionBody, req.body);
    const meta = { ip: req.ip, userAgent: req.get('user-agent') };
    const out = await ctx.orm.em.fork().transactional((tx) => connecter(tx, email, motDePasse, ctx.clock.now(), ctx.config, meta));
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
