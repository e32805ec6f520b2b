import { Router, type Request } from 'express';
import { z } from 'zod';
import { estPubliee } from '../../../../shared/rules/publication';
import type { AppContext } from '../../context';
import { badRequest, forbidden } from '../../http/problem';
import { getRow, parseId } from '../../http/simpleRest';
import { parseBody } from '../../http/validate';
import { chargerOffres } from '../propositions/candidats';
import { correspondances, MAX_EVALUES } from './correspondances';
import { ACTIONS_FENETRE, appliquerFenetre, type ActionFenetre } from './fenetre';
import { incoherencesOffre, offres, offreUpdateSchema } from './offres.resource';
import { retirerOffre, type TypeRetrait } from './retirer';

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
const pagination = z.object({
  debut: z.coerce.number().int().min(0).max(10_000_000).default(0),
  nombre: z.coerce.number().int().min(1).max(MAX_EVALUES).default(MAX_EVALUES),
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
    const retrait = RETRAITS[req.params.action];
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
  r.get('/:id/correspondances', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, offres, id);
    if (!req.ability!.can('read', 'demandeurs')) throw forbidden();
    const { debut, nombre } = parseBody(pagination, req.query);
    const [offre] = await chargerOffres(req.em!, [id]);
    res.json(await correspondances(req.em!, offre, ctx.clock.now(), debut, nombre));
  });
  return r;
}
