import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { desactiverComptes } from './desactiverComptes';
import { detecterDoublons } from './doublons';
import { lecturesFraudeRouter } from './lecturesFraude';
import { signalements } from './signalements.resource';
import { changerStatut, type ActionSignalement } from './statut';
import { decrireRoute, ligne } from '@server/openapi/registry';
import { objet } from '@server/openapi/schemas';

const corpsConclusion = z.object({ conclusion: z.string().trim().min(1, 'Indiquez la conclusion.').max(4000) });
const corpsDesactiver = z.object({
  demandeurIds: z.array(z.number().int().positive()).min(1, 'Choisissez au moins un compte.').max(50),
  motif: z.string().trim().min(1, 'Indiquez le motif.').max(1000),
});

decrireRoute({
  method: 'post', path: '/api/signalements/analyser', auth: 'agent', roles: 'contrôle fraude', summary: 'Lancer l’analyse des doublons (comptes, téléphones, fichiers partagés)',
  reponse: { json: z.object({ crees: z.record(z.string(), z.number().int()), total: z.number().int() }) },
});
decrireRoute({ method: 'post', path: '/api/signalements/{id}/prendre', auth: 'agent', roles: 'contrôle fraude', summary: 'Prendre le signalement en charge', reponse: { json: ligne('signalements') }, problemes: { 409: ['SIGNALEMENT_CLOS'] } });
for (const nom of ['confirmer', 'infirmer'] as const) {
  decrireRoute({
    method: 'post', path: `/api/signalements/{id}/${nom}`, auth: 'agent', roles: 'contrôle fraude', body: corpsConclusion,
    summary: nom === 'confirmer' ? 'Confirmer la fraude (conclusion)' : 'Infirmer le signalement (conclusion)', reponse: { json: ligne('signalements') }, problemes: { 409: ['SIGNALEMENT_CLOS'] },
  });
}
decrireRoute({
  method: 'post', path: '/api/signalements/{id}/desactiver-comptes', auth: 'agent', roles: 'contrôle fraude', body: corpsDesactiver,
  summary: 'Désactiver les comptes en trop d’un signalement confirmé (R-ONE-ACCOUNT : un compte reste ouvert)',
  reponse: { json: objet('Effets (comptes fermés, candidatures clôturées) et `signalement` mis à jour') },
  problemes: { 409: ['SIGNALEMENT_NON_CONFIRME', 'COMPTE_DEJA_FERME', 'COMPTE_UNIQUE_REQUIS'] },
});

/**
 * Fraud signals (R-ONE-ACCOUNT, §10.9, §11.14), controle_fraude only: the audited reads, the
 * on-demand analysis, and the actions (prendre, confirmer, infirmer, desactiver-comptes).
 * Mounted before the generic router of the same path.
 */
export function signalementsRouter(ctx: AppContext) {
  const r = Router();
  const exiger = (req: Request) => {
    if (!req.ability!.can('update', 'signalements')) throw forbidden();
  };

  r.post('/analyser', async (req, res) => {
    exiger(req);
    const now = ctx.clock.now();
    const crees = await req.em!.transactional((tx) => detecterDoublons(tx, now));
    res.json({ crees, total: Object.values(crees).reduce((a, b) => a + b, 0) });
  });

  const action = (nom: ActionSignalement) =>
    r.post(`/:id/${nom}`, async (req, res) => {
      const id = parseId(req.params.id);
      exiger(req);
      await getRow(req, ctx, signalements, id, 'update');
      const conclusion = nom === 'prendre' ? null : parseBody(corpsConclusion, req.body).conclusion;
      await req.em!.transactional((tx) => changerStatut(tx, id, nom, conclusion, req.agent!.id, ctx.clock.now(), req.ip));
      res.json(await getRow(req, ctx, signalements, id));
    });
  action('prendre');
  action('confirmer');
  action('infirmer');

  r.post('/:id/desactiver-comptes', async (req, res) => {
    const id = parseId(req.params.id);
    exiger(req);
    if (!req.ability!.can('update', 'demandeurs')) throw forbidden();
    await getRow(req, ctx, signalements, id, 'update');
    const corps = parseBody(corpsDesactiver, req.body);
    const effets = await req.em!.transactional((tx) => desactiverComptes(tx, id, corps.demandeurIds, corps.motif, req.agent!.id, ctx.clock.now(), req.ip));
    res.json({ ...effets, signalement: await getRow(req, ctx, signalements, id) });
  });

  r.use(lecturesFraudeRouter(ctx, signalements, null));
  return r;
}
