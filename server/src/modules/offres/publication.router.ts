import { Router, type Request } from 'express';
import { z } from 'zod';
import { estPubliee } from '@shared/rules/publication';
import type { AppContext } from '@server/context';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { badRequest, forbidden } from '@server/http/problem';
import { propre } from '@server/http/input';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { chargerOffres } from '@server/modules/propositions/candidats';
import { correspondances, MAX_EVALUES } from './correspondances';
import { porteeDemandeurs } from '@server/modules/propositions/portee';
import { ACTIONS_FENETRE, appliquerFenetre, type ActionFenetre } from './fenetre';
import { incoherencesOffre, offres, offreUpdateSchema } from './offres.resource';
import { retirerOffre, type TypeRetrait } from './retirer';
import { decrireRoute, ligne } from '@server/openapi/registry';
import { objet } from '@server/openapi/schemas';
import { tracerLecture } from '@server/modules/traces/tracer';

/** An instant (ISO 8601 with zone) or a Paris calendar day ('2026-12-31': the whole day). */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const motif = z.string().max(500).default('');
const CORPS: Record<ActionFenetre, z.ZodType<Record<string, string>>> = {
  prolonger: z.object({ finPublication: instant }),
  raccourcir: z.object({ finPublication: instant }),
  renouveler: z.object({ debutPublication: instant, finPublication: instant }),
  publier: z.object({}),
  depublier: z.object({ motif }),
};
const RETRAITS: Record<string, { type: TypeRetrait; corps: z.ZodType<{ motif: string; date?: string }> }> = {
  'reprise-bailleur': { type: 'reprise', corps: z.object({ motif }) },
  'attribution-directe': { type: 'attribution_directe', corps: z.object({ motif, date: instant }) },
};
const REFUS_FENETRE = ['OFFRE_RETIREE', 'DATE_PASSEE', 'FENETRE_ABSENTE', 'FENETRE_TERMINEE', 'PROLONGATION_INVALIDE', 'RACCOURCISSEMENT_INVALIDE', 'DEJA_PUBLIEE', 'DEJA_DEPUBLIEE', 'NON_PUBLIEE', 'OFFRE_MODIFIEE'];
const RESUMES_FENETRE: Record<ActionFenetre, string> = {
  prolonger: 'Prolonger la publication (nouvelle fin)', raccourcir: 'Raccourcir la publication (nouvelle fin)',
  renouveler: 'Renouveler la publication (nouvelle période)', publier: 'Remettre en ligne', depublier: 'Dépublier (motif)',
};
for (const action of Object.keys(CORPS) as ActionFenetre[]) {
  decrireRoute({
    method: 'post', path: `/api/offres/{id}/${action}`, auth: 'agent', roles: 'managers', summary: RESUMES_FENETRE[action], body: CORPS[action],
    description: 'R-PUB : fenêtre de publication, audité. La réponse est l’offre avec `enLigne`.',
    reponse: { json: ligne('offres') }, problemes: { 400: ['FENETRE_INVALIDE', 'MOTIF_REQUIS', 'DATE_FUTURE'], 409: REFUS_FENETRE },
  });
}
decrireRoute({
  method: 'post', path: '/api/offres/{id}/reprise-bailleur', auth: 'agent', roles: 'managers', body: RETRAITS['reprise-bailleur'].corps,
  summary: 'Retirer l’offre : reprise par le bailleur (§11.27) — candidatures ouvertes clôturées, propositions expirées',
  reponse: { json: ligne('offres') }, problemes: { 400: ['MOTIF_REQUIS', 'DATE_FUTURE'], 409: ['OFFRE_RETIREE', 'OFFRE_MODIFIEE'] },
});
decrireRoute({
  method: 'post', path: '/api/offres/{id}/attribution-directe', auth: 'agent', roles: 'managers', body: RETRAITS['attribution-directe'].corps,
  summary: 'Retirer l’offre : attribuée hors plateforme (§12) à la date donnée',
  reponse: { json: ligne('offres') }, problemes: { 400: ['MOTIF_REQUIS', 'DATE_FUTURE'], 409: ['OFFRE_RETIREE', 'OFFRE_MODIFIEE'] },
});

const pagination = z.object({
  debut: z.coerce.number().int().min(0).max(10_000_000).default(0),
  nombre: z.coerce.number().int().min(1).max(MAX_EVALUES).default(MAX_EVALUES),
});

decrireRoute({
  method: 'get', path: '/api/offres/{id}/correspondances', auth: 'agent', summary: 'Demandeurs à qui proposer cette offre (§11.17), une page à la fois',
  query: pagination, problemes: { 429: ['TROP_DE_REQUETES'] },
  reponse: { json: objet('{offre, debut, evalues, total, atteignent, suivant (début de la page suivante ou null), maxEvalues, correspondances (avec leurs raisons), ecartes (avec leur code)}') },
});

/**
 * Offer management beyond simple-rest (mounted before it): the publication window's typed
 * actions (R-PUB), the withdrawal of an offer (§11.27, §12), the matching of demandeurs
 * (§11.17), and the coherence check of a generic update against the stored row (§11.22).
 */
export function offresRouter(ctx: AppContext) {
  const r = Router();
  const acteur = (req: Request) => ({ id: req.agent!.id, ip: req.ip });
  const repondre = async (req: Request, id: number, extra: Record<string, unknown> = {}) => {
    const row = await getRow(req, ctx, offres, id);
    const etat = { publiee: row.publiee as boolean, debutPublication: row.debutPublication as Date | null, finPublication: row.finPublication as Date | null, depubliee: row.depublieeLe != null };
    return { ...row, enLigne: estPubliee(etat, ctx.clock.now()), ...extra };
  };

  // PUT (generic update): forme, surfaces and rents must stay coherent once merged with the stored row.
  r.put('/:id', async (req, _res, next) => {
    if (!req.ability!.can('update', 'offres')) throw forbidden();
    const id = parseId(req.params.id);
    const stored = await getRow(req, ctx, offres, id, 'update');
    const body = parseBody(offreUpdateSchema, req.body);
    const nombres = Object.fromEntries(
      (['surface', 'surfaceMin', 'surfaceMax', 'loyer', 'loyerMin', 'loyerMax'] as const).map((k) => [k, stored[k] == null ? null : Number(stored[k])]),
    );
    const merged = { ...stored, ...nombres, ...body } as Parameters<typeof incoherencesOffre>[0];
    const issues = incoherencesOffre({ ...merged, debutPublication: undefined, finPublication: undefined });
    if (issues.length) {
      const errors = issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw badRequest('VALIDATION', 'Certaines données sont invalides : ' + errors.map((e) => `${e.field} (${e.message})`).join(', '), errors);
    }
    next();
  });

  r.post('/:id/:action', async (req, res, next) => {
    const action = req.params.action as ActionFenetre;
    const retrait = propre(RETRAITS, req.params.action);
    if (!ACTIONS_FENETRE.includes(action) && !retrait) return next();
    if (!req.ability!.can('update', 'offres')) throw forbidden();
    const id = parseId(req.params.id);
    await getRow(req, ctx, offres, id, 'update');
    const now = ctx.clock.now();
    if (retrait) {
      const corps = parseBody(retrait.corps, req.body);
      const bilan = await req.em!.transactional((tx) => retirerOffre(tx, id, retrait.type, corps, acteur(req), now));
      return res.json(await repondre(req, id, bilan));
    }
    const corps = parseBody(CORPS[action], req.body);
    await req.em!.transactional((tx) => appliquerFenetre(tx, id, action, corps, acteur(req), now));
    res.json(await repondre(req, id));
  });

  // §11.17: who this offer may be proposed to (one page of at most MAX_EVALUES candidates).
  r.get('/:id/correspondances', limiter(ctx, REGLES.correspondanceIp, ipDe), limiter(ctx, REGLES.correspondanceAgent, (req) => req.agent?.id), async (req, res) => {
    const id = parseId(String(req.params.id));
    await getRow(req, ctx, offres, id);
    if (!req.ability!.can('read', 'demandeurs')) throw forbidden();
    const { debut, nombre } = parseBody(pagination, req.query);
    const [offre] = await chargerOffres(req.em!, [id]);
    const page = await correspondances(req.em!, offre, ctx.clock.now(), debut, nombre, porteeDemandeurs(req));
    await tracerLecture(req, ctx, 'correspondances', { entiteId: id, filtre: { debut, nombre }, nombre: page.evalues }); // DATA-TRACES
    res.json(page);
  });
  return r;
}
