import express, { Router, type Request } from 'express';
import { PassThrough } from 'node:stream';
import type { SessionBailleur } from '@shared/api/bailleurs';
import type { AppContext } from '@server/context';
import { conflict, HttpProblem, notFound } from '@server/http/problem';
import { ipDe, limiter } from '@server/http/rateLimit';
import { parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { chargerDossier } from '@server/modules/exports/dossierDonnees';
import { nomSur } from '@server/modules/justificatifs/fichiers';
import { z } from 'zod';
import {
  effacerCookie, exigerMemeOrigine, lienDuJeton, ouvrirSession, poserCookie, requireBailleur, type BailleurPrincipal,
} from './auth';
import { candidaturesDuLien, dossierAccessible, tracer } from './candidatures';
import { LIMITES_BAILLEUR } from './limites';
import { deciderSeul } from './decider';
import { appliquerTableau } from './tableau/appliquer';
import { LIMITES_TABLEAU } from './tableau/colonnes';
import { ecrireTableau } from './tableau/ecrire';
import { dossierPdfHorsThread, lireTableau } from './travaux/pool';
import { decrireRoute } from '@server/openapi/registry';
import { decisionEnregistree, listeBailleur, rapportTableau } from '@server/openapi/reponses';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const corpsDecision = z.object({
  decision: z.string().max(40),
  motif: z.string().max(100).nullish(),
  commentaire: z.string().max(2000).nullish(),
  dateCaleol: z.string().max(20).nullish(),
});

// The shapes are the interfaces of shared/api/bailleurs.ts (named in each description).
const sessionVue = z.object({ bailleur: z.string(), expireLe: z.iso.datetime() });
const CODES_DECISION = ['DECISION_INVALIDE', 'MOTIF_REQUIS', 'MOTIF_INCONNU', 'COMMENTAIRE_REQUIS', 'COMMENTAIRE_TROP_LONG', 'DATE_CALEOL_REQUISE', 'DATE_CALEOL_INVALIDE', 'DATE_CALEOL_FUTURE', 'DATE_CALEOL_AVANT_DESIGNATION'];
decrireRoute({
  method: 'post', path: '/api/bailleur/session', auth: 'bailleur-lien', tags: ['bailleur'], summary: 'Ouvrir la page bailleur avec le jeton du lien reçu (pose le cookie als_bailleur)',
  description: 'La requête porte aussi l’en-tête `x-als-bailleur` de la page (une requête d’un autre site ne peut pas l’ajouter).',
  reponse: { status: 201, json: sessionVue }, problemes: { 401: ['LIEN_INVALIDE'], 410: ['LIEN_EXPIRE', 'LIEN_REVOQUE'], 429: ['TROP_DE_REQUETES'] },
});
// Every call with the page's session: its link may have expired or been revoked meanwhile.
const LIEN_MORT = { 410: ['LIEN_EXPIRE', 'LIEN_REVOQUE'], 429: ['TROP_DE_REQUETES'] };
decrireRoute({ method: 'get', path: '/api/bailleur/session', auth: 'bailleur', tags: ['bailleur'], summary: 'La session de la page bailleur', reponse: { json: sessionVue }, problemes: LIEN_MORT });
decrireRoute({ method: 'delete', path: '/api/bailleur/session', auth: 'bailleur', tags: ['bailleur'], summary: 'Fermer la session de la page bailleur', reponse: { status: 204 }, problemes: LIEN_MORT });
decrireRoute({
  method: 'get', path: '/api/bailleur/candidatures', auth: 'bailleur', tags: ['bailleur'], summary: 'Les candidatures de l’envoi : en attente de décision et décidées',
  reponse: { json: listeBailleur }, problemes: LIEN_MORT,
});
decrireRoute({
  method: 'get', path: '/api/bailleur/candidatures/{id}/dossier', auth: 'bailleur', tags: ['bailleur'], summary: 'Le dossier de désignation PDF (pièces R-BAIL-MIN, filigrane ; tracé)',
  reponse: { fichier: ['application/pdf'] }, problemes: { ...LIEN_MORT, 409: ['DOSSIER_INDISPONIBLE'], 429: ['TROP_DE_REQUETES', 'SERVEUR_OCCUPE'] },
});
decrireRoute({
  method: 'post', path: '/api/bailleur/candidatures/{id}/decision', auth: 'bailleur', tags: ['bailleur'], body: corpsDecision,
  summary: 'Enregistrer la décision du bailleur (attribution CALEOL ou refus motivé)',
  reponse: { json: decisionEnregistree },
  problemes: { ...LIEN_MORT, 400: CODES_DECISION, 409: ['CANDIDATURE_PLUS_EN_ATTENTE'] },
});
decrireRoute({
  method: 'get', path: '/api/bailleur/tableau', auth: 'bailleur', tags: ['bailleur'], summary: 'Le tableau Excel des candidatures à compléter (décisions)',
  reponse: { fichier: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] }, problemes: LIEN_MORT,
});
decrireRoute({
  method: 'post', path: '/api/bailleur/tableau', auth: 'bailleur', tags: ['bailleur'], corpsFichier: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
  summary: 'Déposer le tableau complété : chaque ligne appliquée, refusée (avec son code) ou ignorée',
  reponse: { json: rapportTableau }, problemes: {
    ...LIEN_MORT, 400: ['TABLEAU_ILLISIBLE', 'TABLEAU_SANS_COLONNES'], 413: ['TROP_VOLUMINEUX', 'TABLEAU_TROP_VOLUMINEUX', 'TABLEAU_TROP_DE_LIGNES'],
    415: ['TYPE_NON_ACCEPTE'], 429: ['TROP_DE_REQUETES', 'SERVEUR_OCCUPE'],
  },
});

const session = (b: BailleurPrincipal): SessionBailleur => ({ bailleur: b.bailleurNom, expireLe: b.expireLe });
const telechargement = (nom: string) => `attachment; filename*=UTF-8''${encodeURIComponent(nomSur(nom))}`;

/**
 * The bailleur's API (/api/bailleur), for its link page: no agent account. The mail's token is
 * exchanged once (POST /session, `Authorization: Bearer <jeton>`) for a short httpOnly
 * SameSite=Strict cookie scoped to this path; every other call carries only that cookie, and sees
 * only its link's candidatures (portee.ts). Openings, downloads and decisions are traced with IP.
 */
export function bailleurRouter(ctx: AppContext) {
  const r = Router();
  const parLien = (req: Request) => req.bailleur?.lienId;

  r.post('/session', limiter(ctx, LIMITES_BAILLEUR.pageIp, ipDe), async (req, res) => {
    exigerMemeOrigine(req);
    const h = req.headers.authorization;
    const jeton = h?.startsWith('Bearer ') ? h.slice(7).trim() : '';
    const now = ctx.clock.now();
    // A point taken up front, atomically (a burst of guesses cannot pass the limit); kept only for a bad link.
    const point = await ctx.limites?.reserver(LIMITES_BAILLEUR.ouvertureIp, ipDe(req));
    let mauvaisLien = false;
    const ouvert = await ctx.orm.em.fork().transactional(async (tx) => {
      const lien = await lienDuJeton(tx, jeton, now).catch((e: unknown) => {
        mauvaisLien = true;
        throw e;
      });
      const s = await ouvrirSession(tx, lien, now, { ip: req.ip, userAgent: req.get('user-agent') });
      const b = { lienId: lien.id, envoiId: lien.envoi_id, bailleurId: lien.bailleur_id, bailleurNom: lien.bailleur_nom, expireLe: lien.expire_le, sessionId: '' };
      await tracer(tx, b, 'ouverture', [null], now, req.ip);
      return { ...s, b };
    }).finally(async () => {
      if (!mauvaisLien) await point?.rendre();
    });
    poserCookie(res, ctx, ouvert.token, ouvert.expireLe, now);
    res.status(201).json(session(ouvert.b));
  });

  // Everything below: a live session of a live link, counted per address and per link.
  r.use(limiter(ctx, LIMITES_BAILLEUR.pageIp, ipDe), requireBailleur(ctx), limiter(ctx, LIMITES_BAILLEUR.pageLien, parLien));

  r.get('/session', (req, res) => {
    res.json(session(req.bailleur!));
  });

  r.delete('/session', async (req, res) => {
    await req.em!.execute(`update session set revoked_at = ? where id = ? and revoked_at is null`, [ctx.clock.now(), req.bailleur!.sessionId]);
    effacerCookie(res, ctx);
    res.status(204).end();
  });

  r.get('/candidatures', async (req, res) => {
    res.json(await candidaturesDuLien(req.em!, req.bailleur!, ctx.clock.now()));
  });

  r.get('/candidatures/:id/dossier', limiter(ctx, LIMITES_BAILLEUR.dossierLien, parLien), async (req, res) => {
    const id = parseId(String(req.params.id));
    const b = req.bailleur!;
    const c = await dossierAccessible(req.em!, b, id);
    if (!c) throw notFound('Cette candidature ne fait pas partie de cet envoi.');
    if (!['transmise_bailleur', 'attribuee'].includes(c.statut)) throw conflict('DOSSIER_INDISPONIBLE', 'Cette candidature n’est plus retenue : son dossier n’est plus consultable.');
    const now = ctx.clock.now();
    const d = await chargerDossier(req.em!, id, now);
    const octets = await dossierPdfHorsThread(d!, now, ctx.storage);
    await tracer(req.em!, b, 'telechargement_dossier', [id], now, req.ip);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', telechargement(`dossier-${d!.c.reference}.pdf`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.from(octets));
  });

  r.post('/candidatures/:id/decision', async (req, res) => {
    const id = parseId(String(req.params.id));
    const corps = parseBody(corpsDecision, req.body);
    const r2 = await deciderSeul(ctx.orm.em, req.bailleur!, { candidatureId: id, source: 'page', saisie: { ...corps, dateCaleol: corps.dateCaleol ?? null } }, req.ip, ctx.clock.now());
    res.json(r2);
  });

  r.get('/tableau', async (req, res) => {
    const b = req.bailleur!;
    const now = ctx.clock.now();
    // Built in memory first (at most LIMITES_TABLEAU.lignes rows): a failure is a clean problem, not a cut file.
    const flux = new PassThrough();
    const morceaux: Buffer[] = [];
    flux.on('data', (m: Buffer) => morceaux.push(m));
    const ids = await ecrireTableau(req.em!, b, flux);
    await tracer(req.em!, b, 'telechargement_tableau', ids, now, req.ip);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', telechargement(`decisions-${b.bailleurNom}-${now.toISOString().slice(0, 10)}.xlsx`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.concat(morceaux));
  });

  r.post('/tableau', limiter(ctx, LIMITES_BAILLEUR.tableauLien, parLien), express.raw({ type: [XLSX, 'application/octet-stream'], limit: LIMITES_TABLEAU.octets }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new HttpProblem(415, 'TYPE_NON_ACCEPTE', 'Envoyez le tableau Excel (.xlsx) tel quel, en corps de requête.');
    }
    const b = req.bailleur!;
    const lignes = await lireTableau(req.body);
    const rapport = await appliquerTableau(ctx.orm, b, lignes, req.ip, () => ctx.clock.now());
    await tracer(req.em!, b, 'import_tableau', [null], ctx.clock.now(), req.ip, {
      lignes: lignes.length, appliquees: rapport.appliquees, refusees: rapport.refusees, ignorees: rapport.ignorees,
    });
    res.json(rapport);
  });

  return r;
}
