import { Router } from 'express';
import { z } from 'zod';
import { CANAUX_DEMANDE, type ActionCandidature } from '../../../../shared/domain/enums';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import { getRow, parseId, whereClause } from '../../http/simpleRest';
import { parseBody } from '../../http/validate';
import { candidatures, ONGLETS, ongletSql } from './candidatures.resource';
import { ABILITY_ACTION, dossier } from './dossier';
import { actionsGroupees } from './groupees';
import { liberer, prendre } from './prendre';
import { REGLES_ACTIONS } from './regles';
import { acteurDe, appliquerAction } from './transition';
import { notesRouter } from './notes';
import { offresSimilaires } from '../propositions/similaires';

const ROUTE_ACTION: Record<string, Exclude<ActionCandidature, 'cloturer'>> = {
  instruire: 'instruire', designer: 'designer', 'ne-pas-retenir': 'ne_pas_retenir', attribuer: 'attribuer', annuler: 'annuler',
};
const corpsAction = z.object({
  motif: z.string().trim().max(1000).nullish(),
  canal: z.enum(CANAUX_DEMANDE).nullish(),
});
const corpsPrendre = z.object({ motif: z.string().trim().max(1000).optional() });


/** Work-queue routes of candidatures (mounted before the generic simple-rest router). */
export function candidaturesRouter(ctx: AppContext) {
  const r = Router();

  r.get('/compteurs', async (req, res) => {
    const where = whereClause(req, candidatures, 'read', {}, ctx.clock.now());
    const cols = ONGLETS.map((o) => {
      const s = ongletSql(o, req.agent!.id);
      return { sql: `count(*) filter (where ${s.sql})::int as "${o}"`, params: s.params };
    });
    const [row] = await req.em!.execute<Record<string, number>[]>(
      `select ${cols.map((c) => c.sql).join(', ')} from ${candidatures.from} where ${where.sql}`,
      [...cols.flatMap((c) => c.params), ...where.params],
    );
    res.json(row);
  });

  r.post('/actions-groupees', async (req, res) => {
    res.json(await actionsGroupees(req, ctx));
  });

  // §11.25: offers to propose instead (propositions module; conseiller of the territory or controle_fraude).
  r.get('/:id/offres-similaires', async (req, res) => {
    const id = parseId(req.params.id);
    const c = await getRow(req, ctx, candidatures, id);
    if (!req.ability!.can('create', 'propositions')) throw forbidden();
    res.json(await offresSimilaires(req, ctx.clock.now(), { id, demandeurId: c.demandeurId as number, offreId: c.offreId as number, departement: c.departement as string }));
  });

  r.get('/:id/dossier', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, candidatures, id);
    res.json(await dossier(req, id, ctx.clock.now()));
  });

  r.post('/:id/prendre', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('prendre', 'candidatures')) throw forbidden();
    await getRow(req, ctx, candidatures, id, 'prendre');
    const corps = parseBody(corpsPrendre, req.body);
    await req.em!.transactional((tx) => prendre(tx, id, acteurDe(req), corps, ctx.clock.now()));
    res.json(await getRow(req, ctx, candidatures, id));
  });

  r.post('/:id/liberer', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('prendre', 'candidatures')) throw forbidden();
    await getRow(req, ctx, candidatures, id, 'prendre');
    await req.em!.transactional((tx) => liberer(tx, id, acteurDe(req), ctx.clock.now()));
    res.json(await getRow(req, ctx, candidatures, id));
  });

  r.post('/:id/:action', async (req, res, next) => {
    const action = ROUTE_ACTION[req.params.action];
    if (!action) return next();
    const id = parseId(req.params.id);
    if (!req.ability!.can(ABILITY_ACTION[action], 'candidatures')) throw forbidden();
    await getRow(req, ctx, candidatures, id, ABILITY_ACTION[action]);
    const corps = parseBody(corpsAction, req.body);
    await req.em!.transactional((tx) => appliquerAction(tx, id, action, corps, acteurDe(req), REGLES_ACTIONS[action], ctx.clock.now()));
    res.json(await getRow(req, ctx, candidatures, id));
  });

  r.use('/', notesRouter(ctx, 'candidature', candidatures));
  return r;
}
