import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import type { ExportTable } from '@server/db/schema';
import { conflict, forbidden, HttpProblem } from '@server/http/problem';
import { envoyerObjet } from '@server/http/envoyerObjet';
import { getRow, parseId } from '@server/http/simpleRest';
import { entetesFichier } from '@server/http/entetes';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { audit } from '@server/modules/audit-events/audit';
import { nomSur } from '@server/modules/justificatifs/fichiers';
import { creerExport } from './creer';
import { exportsResource } from './exports.resource';
import { corpsExport } from './params';
import { decrireRoute } from '@server/openapi/registry';

decrireRoute({
  method: 'post', path: '/api/exports', auth: 'agent', roles: 'managers', body: corpsExport,
  summary: 'Demander un export (désignations d’un bailleur, rapport d’entreprise, dossier de désignation PDF) : produit par une tâche',
  reponse: { status: 201, json: z.object({ id: z.number().int(), statut: z.literal('en_attente') }) },
  problemes: { 400: ['REFERENCE_INCONNUE'], 409: ['CANDIDATURE_NON_DESIGNEE'], 429: ['TROP_DE_REQUETES'] },
});
decrireRoute({
  method: 'get', path: '/api/exports/{id}/fichier', auth: 'agent', roles: 'managers', summary: 'Télécharger le fichier d’un export terminé (audité)',
  reponse: { fichier: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'] },
  problemes: { 409: ['EXPORT_NON_TERMINE'], 410: ['EXPORT_EXPIRE'] },
});

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const expire = () => new HttpProblem(410, 'EXPORT_EXPIRE', 'Ce fichier a expiré et a été supprimé : relancez l’export.');

/** POST /api/exports (→ 201 {id, statut}) and GET /api/exports/:id/fichier (audited download). */
export function exportsRouter(ctx: AppContext) {
  const r = Router();

  r.post('/', limiter(ctx, REGLES.exportIp, ipDe), limiter(ctx, REGLES.exportAgent, (req) => req.agent?.id), async (req, res) => {
    res.status(201).json(await creerExport(req, ctx));
  });

  r.get('/:id/fichier', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('telecharger', 'exports')) throw forbidden();
    // Only the agent who made it or a manager (the ability's conditions, as SQL): 404 otherwise.
    await getRow(req, ctx, exportsResource, id, 'telecharger');
    const [x] = await req.em!.execute<Pick<ExportTable, 'statut' | 'fichier' | 'nom_fichier' | 'destinataire' | 'kind' | 'expire_le'>[]>(
      `select statut, fichier, nom_fichier, destinataire, kind, expire_le from export where id = ?`,
      [id],
    );
    const now = ctx.clock.now();
    if (x.statut === 'expire' || (x.expire_le && new Date(x.expire_le) <= now)) throw expire();
    if (x.statut !== 'termine' || !x.fichier) throw conflict('EXPORT_NON_TERMINE', 'Le fichier n’est pas encore prêt.');
    const fichier = await ctx.storage.readObject(x.fichier);
    if (!fichier) throw expire();
    try {
      await req.em!.transactional(async (tx) => {
        audit(tx, {
          at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'telechargement', entite: 'export', entiteId: id,
          details: { kind: x.kind, destinataire: x.destinataire, nomFichier: x.nom_fichier }, ip: req.ip,
        });
        await tx.flush();
      });
    } catch (e) {
      fichier.stream.destroy();
      throw e;
    }
    const ext = x.fichier.endsWith('.pdf') ? 'pdf' : 'xlsx';
    entetesFichier(res, { mime: TYPES[ext], nom: nomSur(x.nom_fichier ?? `export-${id}.${ext}`), disposition: 'attachment' });
    await envoyerObjet(res, fichier);
  });

  return r;
}
