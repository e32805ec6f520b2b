import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ResultatEnvoi } from '@shared/api/bailleurs';
import type { AppContext } from '@server/context';
import { conflict, forbidden, notFound } from '@server/http/problem';
import { getRow, parseId, whereClause } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { exportsResource } from '@server/modules/exports/exports.resource';
import { PARAMS } from '@server/modules/exports/params';
import { dansPeriode } from '@server/modules/exports/periode';
import { offres } from '@server/modules/offres/offres.resource';
import { envoyer, type DemandeEnvoi } from './envoyer';
import { revoquerEnvoi } from './revoquer';
import { suiviCandidature, suiviOffre } from './suivi';
import { decrireRoute } from '@server/openapi/registry';
import { suiviCandidatureVue, suiviOffreVue } from '@server/openapi/reponses';

const resultatEnvoi = z.object({ envoiId: z.number().int(), lienId: z.number().int(), destinataire: z.string(), expireLe: z.iso.datetime(), candidatures: z.number().int() });
const REFUS_ENVOI = ['ENVOI_TROP_VOLUMINEUX', 'CANDIDATURE_NON_TRANSMISE', 'AUCUNE_CANDIDATURE_A_ENVOYER', 'BAILLEUR_SANS_CONTACT'];
for (const [ressource, quoi] of [['candidatures', 'cette candidature transmise'], ['offres', 'les candidatures transmises de l’offre'], ['exports', 'les candidatures d’un export des désignations']] as const) {
  decrireRoute({
    method: 'post', path: `/api/${ressource}/{id}/envoyer-bailleur`, auth: 'agent', summary: `Envoyer au bailleur ${quoi} (un lien valable 14 jours, par courriel)`,
    reponse: { status: 201, json: resultatEnvoi },
    problemes: { 409: ressource === 'exports' ? [...REFUS_ENVOI, 'EXPORT_NON_DESIGNATIONS', 'EXPORT_NON_TERMINE'] : REFUS_ENVOI },
  });
}
decrireRoute({
  method: 'get', path: '/api/candidatures/{id}/envois-bailleur', auth: 'agent', summary: 'Suivi des envois au bailleur de la candidature (ouvertures, téléchargements, décision)',
  reponse: { json: suiviCandidatureVue },
});
decrireRoute({ method: 'get', path: '/api/offres/{id}/envois-bailleur', auth: 'agent', summary: 'Suivi des 50 derniers envois au bailleur de l’offre', reponse: { json: suiviOffreVue } });

const peutEnvoyer = (req: Request) => {
  if (!req.ability!.can('envoyer_bailleur', 'candidatures')) throw forbidden('Votre rôle ne permet pas d’envoyer des candidatures au bailleur.');
};

/** The transmitted candidatures among `filter` that the caller may send (the ability's territory conditions, as SQL). */
async function transmisesEnvoyables(req: Request, ctx: AppContext, filter: Record<string, unknown>, extra = { sql: 'true', params: [] as unknown[] }) {
  const where = whereClause(req, candidatures, 'envoyer_bailleur', { ...filter, statut: 'transmise_bailleur' }, ctx.clock.now());
  const rows = await req.em!.execute<{ id: number }[]>(
    `select c.id from ${candidatures.from} where ${where.sql} and ${extra.sql} order by c.id`, [...where.params, ...extra.params]);
  return rows.map((r) => r.id);
}

async function envoyerEtRepondre(req: Request, ctx: AppContext, d: Omit<DemandeEnvoi, 'agentId' | 'ip' | 'secret'>): Promise<ResultatEnvoi> {
  const r = await req.em!.transactional((tx) => envoyer(tx, { ...d, agentId: req.agent!.id, ip: req.ip, secret: ctx.config.secret }, ctx.clock.now()));
  return { envoiId: r.envoiId, lienId: r.lienId, destinataire: r.destinataire, expireLe: r.expireLe, candidatures: r.candidatures };
}

/** /api/candidatures/:id/envoyer-bailleur and its tracking. */
export function envoisCandidatureRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/envoyer-bailleur', async (req, res) => {
    const id = parseId(req.params.id);
    peutEnvoyer(req);
    const c = await getRow(req, ctx, candidatures, id, 'envoyer_bailleur');
    const [o] = await req.em!.execute<{ bailleur_id: number }[]>(`select bailleur_id from offre where id = ?`, [c.offreId]);
    res.status(201).json(await envoyerEtRepondre(req, ctx, { origine: 'candidature', bailleurId: o.bailleur_id, candidatureIds: [id], offreId: c.offreId as number, strict: true }));
  });
  r.get('/:id/envois-bailleur', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, candidatures, id);
    res.json(await suiviCandidature(req.em!, id));
  });
  return r;
}

/** /api/offres/:id/envoyer-bailleur (every transmitted candidature of the offer the caller may send) and its tracking. */
export function envoisOffreRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/envoyer-bailleur', async (req, res) => {
    const id = parseId(req.params.id);
    peutEnvoyer(req);
    const o = await getRow(req, ctx, offres, id);
    const ids = await transmisesEnvoyables(req, ctx, { offreId: id });
    res.status(201).json(await envoyerEtRepondre(req, ctx, { origine: 'offre', bailleurId: o.bailleurId as number, candidatureIds: ids, offreId: id, strict: false }));
  });
  r.get('/:id/envois-bailleur', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, offres, id);
    res.json(await suiviOffre(req.em!, id));
  });
  return r;
}

/** /api/exports/:id/envoyer-bailleur: the candidatures of a finished designations export still awaiting the bailleur. */
export function envoisExportRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/envoyer-bailleur', async (req, res) => {
    const id = parseId(req.params.id);
    peutEnvoyer(req);
    const x = await getRow(req, ctx, exportsResource, id);
    if (x.kind !== 'designations_bailleur') throw conflict('EXPORT_NON_DESIGNATIONS', 'Seul un export des désignations d’un bailleur peut lui être envoyé.');
    if (x.statut !== 'termine') throw conflict('EXPORT_NON_TERMINE', 'L’export n’est pas terminé.');
    const p = PARAMS.designations_bailleur.parse(x.params);
    // What the export contained: its bailleur and period, designated no later than the file was
    // finished — a candidature designated since is not in the file, so not in this envoi either.
    const fin = x.termineLe ?? x.createdAt;
    const ids = await transmisesEnvoyables(req, ctx, {}, {
      sql: `o.bailleur_id = ? and ${dansPeriode('c.designee_le')} and c.designee_le <= ?`, params: [p.bailleurId, p.from, p.to, fin],
    });
    res.status(201).json(await envoyerEtRepondre(req, ctx, { origine: 'export', bailleurId: p.bailleurId, candidatureIds: ids, exportId: id, strict: false }));
  });
  return r;
}

const corpsRevoquer = z.object({ motif: z.string().trim().max(500).nullish() });
decrireRoute({
  method: 'post', path: '/api/envois-bailleur/{id}/revoquer', auth: 'agent', tags: ['envois-bailleur'], body: corpsRevoquer,
  summary: 'Révoquer le lien d’un envoi (il répond 410 aussitôt, ses sessions sont fermées)', reponse: { json: z.strictObject({ envoiId: z.number().int(), revoque: z.literal(true) }) },
  problemes: { 409: ['LIEN_DEJA_REVOQUE'] },
});

/** /api/envois-bailleur/:id/revoquer: the envoi's links stop working at once (410), with their sessions. */
export function envoisBailleurRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/revoquer', async (req, res) => {
    const id = parseId(req.params.id);
    peutEnvoyer(req);
    const corps = parseBody(corpsRevoquer, req.body);
    // Every candidature of the envoi must be one the caller may send (404 otherwise: no existence oracle).
    const [{ total }] = await req.em!.execute<{ total: number }[]>(`select count(*)::int as total from bailleur_envoi_candidature where envoi_id = ?`, [id]);
    if (total === 0 || (await envoyablesDeLEnvoi(req, ctx, id)) !== total) throw notFound();
    await req.em!.transactional((tx) => revoquerEnvoi(tx, id, { agentId: req.agent!.id, ip: req.ip, motif: corps.motif ?? null }, ctx.clock.now()));
    res.json({ envoiId: id, revoque: true });
  });
  return r;
}

/** How many of the envoi's candidatures the caller may send (whatever their status now). */
async function envoyablesDeLEnvoi(req: Request, ctx: AppContext, envoiId: number) {
  const where = whereClause(req, candidatures, 'envoyer_bailleur', {}, ctx.clock.now());
  const [{ n }] = await req.em!.execute<{ n: number }[]>(
    `select count(*)::int as n from ${candidatures.from} where ${where.sql} and c.id in (select candidature_id from bailleur_envoi_candidature where envoi_id = ?)`,
    [...where.params, envoiId],
  );
  return n;
}
