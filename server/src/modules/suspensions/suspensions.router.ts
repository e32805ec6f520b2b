import { Router } from 'express';
import { z } from 'zod';
import { STATUTS_CANDIDATURE, STATUTS_DEMANDE, TYPES_SUSPENSION } from '@shared/domain/enums';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { demandeurs } from '@server/modules/demandeurs/demandeurs.resource';
import { lecturesFraudeRouter } from '@server/modules/signalements/lecturesFraude';
import { apercuSuspension, type ApercuSuspension } from './apercu';
import { appliquerSuspension } from './appliquer';
import { leverSuspension } from './lever';
import { suspensions } from './suspensions.resource';
import { decrireRoute, ligne } from '@server/openapi/registry';

const demandeurId = z.coerce.number().int().positive().max(999_999_999);
/** dureeMois is any number here: the shared rule answers 400 DUREE_SUSPENSION outside 6–60 whole months. */
const corpsSuspension = z.object({
  demandeurId,
  type: z.enum(TYPES_SUSPENSION),
  dureeMois: z.number(),
  motif: z.string().trim().min(1, 'Indiquez le motif.').max(4000),
});
const requeteApercu = z.object({ demandeurId, type: z.enum(TYPES_SUSPENSION).default('fraude'), dureeMois: z.coerce.number() });
const corpsLever = z.object({ motif: z.string().trim().min(1, 'Indiquez le motif de la levée.').max(1000) });

const apercu = z.strictObject({
  demandeurId: z.number().int(),
  type: z.enum(TYPES_SUSPENSION),
  dureeMois: z.number().int(),
  debut: z.iso.datetime(),
  fin: z.iso.datetime(),
  recidive: z.boolean(),
  suspensionsAnterieures: z.number().int(),
  dejaSuspendu: z.boolean().meta({ description: 'Une suspension court déjà : la nouvelle serait refusée (DEJA_SUSPENDU)' }),
  suspenduJusquAu: z.iso.datetime().nullable(),
  demande: z.strictObject({ id: z.number().int(), reference: z.string(), statut: z.enum(STATUTS_DEMANDE) }).nullable().meta({ description: 'La demande ouverte, qui serait clôturée' }),
  candidatures: z.array(z.strictObject({
    id: z.number().int(), reference: z.string(), statut: z.enum(STATUTS_CANDIDATURE), offreReference: z.string(), departement: z.string(),
  })).meta({ description: 'Les candidatures ouvertes, qui seraient clôturées' }),
  nombreCandidatures: z.number().int(),
}) satisfies z.ZodType<ApercuSuspension>;

decrireRoute({
  method: 'get', path: '/api/suspensions/apercu', auth: 'agent', roles: 'contrôle fraude', query: requeteApercu,
  summary: 'Aperçu des effets d’une suspension avant de l’appliquer (fin, candidatures clôturées)',
  reponse: { json: apercu }, problemes: { 400: ['DUREE_SUSPENSION'] },
});
decrireRoute({
  method: 'post', path: '/api/suspensions', auth: 'agent', roles: 'contrôle fraude', body: corpsSuspension,
  summary: 'Suspendre un demandeur pour fraude ou incivilité (6 à 60 mois, R-SUSP)',
  reponse: { status: 201, json: ligne('suspensions'), description: 'La suspension, avec `effets` (candidatures clôturées, notification)' },
  problemes: { 400: ['DUREE_SUSPENSION'], 409: ['DEJA_SUSPENDU'] },
});
decrireRoute({
  method: 'post', path: '/api/suspensions/{id}/lever', auth: 'agent', roles: 'contrôle fraude', body: corpsLever, summary: 'Lever une suspension en cours (motif)',
  reponse: { json: ligne('suspensions') }, problemes: { 409: ['SUSPENSION_DEJA_LEVEE', 'SUSPENSION_TERMINEE'] },
});

/**
 * Suspensions (R-SUSP), mounted before the generic router of the same path: preview, apply,
 * lift, and the audited reads of the motive by fraud control; the rest falls through.
 */
export function suspensionsRouter(ctx: AppContext) {
  const r = Router();

  r.get('/apercu', async (req, res) => {
    if (!req.ability!.can('create', 'suspensions')) throw forbidden();
    const q = parseBody(requeteApercu, req.query);
    await getRow(req, ctx, demandeurs, q.demandeurId);
    res.json(await apercuSuspension(req.em!, q.demandeurId, q.type, q.dureeMois, ctx.clock.now()));
  });

  r.post('/', async (req, res) => {
    if (!req.ability!.can('create', 'suspensions')) throw forbidden();
    const corps = parseBody(corpsSuspension, req.body);
    await getRow(req, ctx, demandeurs, corps.demandeurId);
    const now = ctx.clock.now();
    const effets = await req.em!.transactional((tx) => appliquerSuspension(tx, corps, req.agent!.id, now, req.ip));
    res.status(201).json({ ...(await getRow(req, ctx, suspensions, effets.id)), effets });
  });

  r.post('/:id/lever', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('lever', 'suspensions')) throw forbidden();
    await getRow(req, ctx, suspensions, id, 'lever');
    const { motif } = parseBody(corpsLever, req.body);
    await req.em!.transactional((tx) => leverSuspension(tx, id, motif, req.agent!.id, ctx.clock.now(), req.ip));
    res.json(await getRow(req, ctx, suspensions, id));
  });

  r.use(lecturesFraudeRouter(ctx, suspensions, 'motif'));
  return r;
}
