import { Router } from 'express';
import { z } from 'zod';
import { CANAUX_DEMANDE, TITULAIRES, TYPES_JUSTIFICATIF, type ActionCandidature } from '@shared/domain/enums';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { propre } from '@server/http/input';
import { fromMinimal, getRow, parseId, TOTAL_EXACT_MAX, whereClause } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { parseListParams } from '@server/http/listQuery';
import { candidatures, ONGLETS, ongletSql } from './candidatures.resource';
import { ABILITY_ACTION, dossierOuvert } from './dossier';
import { actionsGroupees, agentsAssignables, corpsGroupes, idsAssignables } from './groupees';
import { liberer, prendre } from './prendre';
import { REGLES_ACTIONS } from './regles';
import { prendreSuivant } from './suivant';
import { acteurDe, appliquerAction } from './transition';
import { notesRouter } from './notes';
import { nePlusSuivre, suivre } from './suivi';
import { offresSimilaires } from '@server/modules/propositions/similaires';
import { decrireRoute, ligne } from '@server/openapi/registry';
import { objet } from '@server/openapi/schemas';
import { tracerLecture } from '@server/modules/traces/tracer';
import { lecture } from '@server/db/lecture';

const ROUTE_ACTION: Record<string, Exclude<ActionCandidature, 'cloturer'>> = {
  instruire: 'instruire', designer: 'designer', 'ne-pas-retenir': 'ne_pas_retenir', attribuer: 'attribuer', annuler: 'annuler',
};
const corpsAction = z.object({
  motif: z.string().trim().max(1000).nullish(),
  canal: z.enum(CANAUX_DEMANDE).nullish(),
});
const corpsPrendre = z.object({ motif: z.string().trim().max(1000).optional() });

const CODES_ACTION: Record<keyof typeof ROUTE_ACTION, string[]> = {
  instruire: ['TRANSITION_INTERDITE', 'ACTEUR_NON_AUTORISE', 'DOSSIER_PRIS'],
  designer: ['TRANSITION_INTERDITE', 'ACTEUR_NON_AUTORISE', 'DOSSIER_PRIS', 'SUSPENDU', 'PIECES_NON_VALIDEES', 'DROITS_PSEEC_EPUISES', 'DESIGNATIONS_COMPLETES', 'SAUT_DE_RANG_SANS_MOTIF'],
  'ne-pas-retenir': ['TRANSITION_INTERDITE', 'ACTEUR_NON_AUTORISE', 'DOSSIER_PRIS'],
  attribuer: ['TRANSITION_INTERDITE', 'ACTEUR_NON_AUTORISE', 'DOSSIER_PRIS'],
  annuler: ['TRANSITION_INTERDITE', 'ACTEUR_NON_AUTORISE', 'DOSSIER_PRIS'],
};
const RESUMES: Record<keyof typeof ROUTE_ACTION, string> = {
  instruire: 'Passer la candidature en instruction',
  designer: 'Désigner la candidature au bailleur (R-DESIGNATE : pièces validées, rang, 3 par logement, droits PSEEC)',
  'ne-pas-retenir': 'Ne pas retenir la candidature (motif obligatoire)',
  attribuer: 'Attribuer le logement (clôt la demande et les autres candidatures)',
  annuler: 'Annuler à la demande du demandeur (motif et canal : téléphone, courriel, réclamation)',
};
for (const route of Object.keys(ROUTE_ACTION) as (keyof typeof ROUTE_ACTION)[]) {
  decrireRoute({
    method: 'post', path: `/api/candidatures/{id}/${route}`, auth: 'agent', summary: RESUMES[route], body: corpsAction,
    description: 'Une transaction : verrou de la candidature, cycle de vie partagé, événement d’audit et notification. Une course perdue répond 409.',
    reponse: { json: ligne('candidatures') },
    problemes: { 400: ['MOTIF_REQUIS', 'CANAL_REQUIS'], 409: CODES_ACTION[route] },
  });
}
decrireRoute({
  method: 'post', path: '/api/candidatures/suivant', auth: 'agent', summary: '« Traiter le suivant » : prendre le dossier libre le mieux placé de mon périmètre',
  description: 'Corps `{filter?, ordre?}` : `filter` comme la liste (onglet ignoré) ; `ordre` = `offre` (par défaut : offre par offre, la plus ancienne d’abord, rang dans l’offre), `attente` (la plus longue attente d’abord) ou le tri de la file `["champ","ASC"|"DESC"]` (mêmes champs que `sort`), pour prendre le premier dossier libre dans l’ordre affiché.',
  reponse: { json: z.object({ candidature: z.union([z.looseObject({ id: z.number().int() }), z.null()]).meta({ description: 'La candidature prise (ligne « candidatures »), ou null' }) }) },
});
decrireRoute({
  method: 'get', path: '/api/candidatures/agents-assignables', auth: 'agent', summary: 'Agents à qui assigner les candidatures choisies',
  query: idsAssignables, reponse: { json: z.array(z.object({ id: z.number().int(), nom: z.string() })) },
});
decrireRoute({
  method: 'get', path: '/api/candidatures/compteurs', auth: 'agent', summary: 'Nombre de candidatures par onglet de la file de travail (compté jusqu’à 10 001 : au-delà, « plus de 10 000 »)',
  description: '`filter` (facultatif, comme la liste, `onglet` ignoré) : chaque onglet compte ce qu’il montrerait avec ces filtres (recherche, offre, statut…).',
  reponse: { json: z.record(z.enum(ONGLETS), z.number().int()) },
});
decrireRoute({
  method: 'post', path: '/api/candidatures/actions-groupees', auth: 'agent', summary: 'Action sur plusieurs candidatures (instruire, ne pas retenir, assigner)',
  description: 'Chaque ligne dans sa propre transaction : un refus n’annule pas les autres ; la réponse rend compte de chaque ligne.',
  body: corpsGroupes,
  reponse: { json: z.object({ reussies: z.array(z.number().int()), refusees: z.array(z.object({
    id: z.number().int(),
    code: z.string().meta({ description: 'Le code que l’action seule aurait répondu (TRANSITION_INTERDITE, DOSSIER_PRIS, DOSSIER_MODIFIE…), INTROUVABLE hors périmètre, AGENT_HORS_TERRITOIRE quand l’agent choisi n’instruit pas ce département' }),
    raison: z.string(),
  })) }) },
});
decrireRoute({
  method: 'get', path: '/api/candidatures/{id}/offres-similaires', auth: 'agent', summary: 'Offres à proposer à la place (§11.25)',
  reponse: { json: z.array(objet('Offre comparable avec sa distance et son éligibilité pour ce demandeur')) },
});
decrireRoute({
  method: 'get', path: '/api/candidatures/{id}/dossier', auth: 'agent', summary: 'Le dossier d’instruction : demande, pièces, éligibilité, rang, verrou, actions possibles',
  reponse: {
    json: z.looseObject({
      designation: z.union([
        z.object({
          possible: z.boolean().meta({ description: 'Vrai quand la désignation serait acceptée maintenant (hors motif de saut de rang)' }),
          refus: z.array(z.object({ code: z.string(), raison: z.string().meta({ description: 'En français' }) })),
          piecesAValider: z.array(z.object({ type: z.enum(TYPES_JUSTIFICATIF), titulaire: z.enum(TITULAIRES) })),
          devancees: z.array(z.object({ rang: z.number().int(), candidatureId: z.number().int(), reference: z.string(), nom: z.string() }))
            .meta({ description: 'Candidatures mieux classées qui attendent encore (les 10 premières) : les désigner après celle-ci demande un motif' }),
          devanceesTotal: z.number().int(),
        }),
        z.null(),
      ]).meta({ description: 'Conditions de « Désigner » avant le clic ; null quand la désignation n’est pas une action possible' }),
      suivi: z.union([
        z.object({
          vuLe: z.iso.datetime().meta({ description: 'La visite précédente (avant celle-ci)' }),
          modifieDepuisVisite: z.boolean().meta({ description: 'Changé depuis la visite précédente (événement du journal, note, pièce déposée par un autre)' }),
        }),
        z.null(),
      ]).meta({ description: 'UI-SUIVI : null quand l’agent ne suit pas ce dossier ; sinon ouvrir le dossier met sa visite à maintenant' }),
    }).meta({ description: 'Dossier complet de la candidature (candidature, demande, demandeur, offre, pièces, eligibilite, rang, verrou, actions, designation). Chaque ligne de `checklist` porte `demandePiece` (la demande de pièce en attente : demandeeLe, motif, agentNom ; ou null) et `demandable` ; `peutDemanderPiece` dit si l’agent peut demander des pièces pour ce dossier.' }),
  },
});
for (const [method, summary] of [['put', 'Suivre la candidature (idempotent)'], ['delete', 'Ne plus suivre la candidature (idempotent)']] as const) {
  decrireRoute({
    method, path: '/api/candidatures/{id}/suivi', auth: 'agent', summary,
    description:
      'Préférence de l’agent (UI-SUIVI), sans effet sur le dossier : pas d’événement d’audit. Ouvrir le dossier (GET …/dossier) met à jour sa dernière visite ; ' +
      'la liste (filtre `suivies`) dit pour chaque dossier suivi s’il a changé depuis (`modifieDepuisVisite` : événement du journal, note ou pièce déposée par un autre). ' +
      'Une candidature hors du périmètre de l’agent répond 404.',
    reponse: { json: ligne('candidatures') },
    problemes: { 404: ['INTROUVABLE'] },
  });
}
decrireRoute({
  method: 'post', path: '/api/candidatures/{id}/prendre', auth: 'agent', summary: 'Prendre le dossier en charge (motif requis pour reprendre celui d’un collègue actif)',
  body: corpsPrendre, reponse: { json: ligne('candidatures') }, problemes: { 409: ['DOSSIER_PRIS', 'DEJA_EN_CHARGE', 'DOSSIER_MODIFIE', 'TRANSITION_INTERDITE'] },
});
decrireRoute({
  method: 'post', path: '/api/candidatures/{id}/liberer', auth: 'agent', summary: 'Libérer le dossier',
  reponse: { json: ligne('candidatures') }, problemes: { 409: ['DOSSIER_PRIS', 'DOSSIER_NON_PRIS', 'DOSSIER_MODIFIE', 'TRANSITION_INTERDITE'] },
});


/** Work-queue routes of candidatures (mounted before the generic simple-rest router). */
export function candidaturesRouter(ctx: AppContext) {
  const r = Router();

  r.get('/compteurs', async (req, res) => {
    // `?filter=`: the queue's other filters (search, offer, status…), so each badge counts what its tab would show.
    const { onglet: _onglet, ...filtre } = parseListParams({ filter: req.query.filter }, candidatures).filter;
    const where = whereClause(req, candidatures, 'read', filtre, ctx.clock.now());
    // Each tab counted on candidature alone (the joins add no row) up to TOTAL_EXACT_MAX + 1, through
    // its index (partial « À traiter », statut + date…): « plus de 10 000 » is all a tab needs to say.
    const cols = ONGLETS.map((o) => {
      const s = ongletSql(o, req.agent!.id, ctx.clock.now());
      const from = fromMinimal(candidatures, `${where.sql} ${s.sql}`);
      return {
        sql: `(select count(*)::int from (select 1 from ${from} where ${where.sql} and ${s.sql} limit ${TOTAL_EXACT_MAX + 1}) x) as "${o}"`,
        params: [...where.params, ...s.params],
      };
    });
    const [row] = await lecture(req.em!).execute<Record<string, number>[]>(`select ${cols.map((c) => c.sql).join(', ')}`, cols.flatMap((c) => c.params));
    res.json(row);
  });

  // « Traiter le suivant »: takes the best-placed free dossier of the caller's scope (and queue filter) and answers it.
  r.post('/suivant', async (req, res) => {
    if (!req.ability!.can('prendre', 'candidatures')) throw forbidden();
    const id = await prendreSuivant(req, ctx.clock.now());
    res.json({ candidature: id == null ? null : await getRow(req, ctx, candidatures, id) });
  });

  r.post('/actions-groupees', async (req, res) => {
    res.json(await actionsGroupees(req, ctx));
  });

  r.get('/agents-assignables', async (req, res) => {
    res.json(await agentsAssignables(req, ctx));
  });

  // §11.25: offers to propose instead (propositions module; conseiller of the territory or controle_fraude).
  r.get('/:id/offres-similaires', async (req, res) => {
    const id = parseId(req.params.id);
    const c = await getRow(req, ctx, candidatures, id);
    if (!req.ability!.can('create', 'propositions')) throw forbidden();
    const similaires = await offresSimilaires(req, ctx.clock.now(), { id, demandeurId: c.demandeurId as number, offreId: c.offreId as number, departement: c.departement as string });
    await tracerLecture(req, ctx, 'offres-similaires', { entiteId: id }); // DATA-TRACES
    res.json(similaires);
  });

  r.get('/:id/dossier', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, candidatures, id);
    // UI-SUIVI: a follower's visit (what changed since the previous one, then vu_le = now).
    const vue = await dossierOuvert(req, id, ctx.clock.now());
    await tracerLecture(req, ctx, 'dossier', { entiteId: id }); // DATA-TRACES
    res.json(vue);
  });

  // UI-SUIVI: follow / stop following a dossier of the caller's scope (404 outside), idempotent.
  r.put('/:id/suivi', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, candidatures, id);
    await req.em!.transactional((tx) => suivre(tx, req.agent!.id, id, ctx.clock.now()));
    res.json(await getRow(req, ctx, candidatures, id));
  });
  r.delete('/:id/suivi', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, candidatures, id);
    await req.em!.transactional((tx) => nePlusSuivre(tx, req.agent!.id, id));
    res.json(await getRow(req, ctx, candidatures, id));
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
    const action = propre(ROUTE_ACTION, req.params.action);
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
