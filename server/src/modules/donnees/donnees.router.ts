import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { demandeurs } from '@server/modules/demandeurs/demandeurs.resource';
import { decrireRoute } from '@server/openapi/registry';
import { livrerDonnees } from './livrer';

const requete = z.strictObject({ demandePar: z.string().trim().min(3).max(200) });

decrireRoute({
  method: 'get', path: '/api/demandeurs/{id}/donnees.zip', auth: 'agent', roles: 'conseillers (territoire), contrôle fraude',
  summary: 'Produire les données personnelles d’un demandeur (RGPD art. 15/20) pour une demande reçue par courrier',
  description: '`demandePar` : qui a demandé la copie (nom et canal). Journalisé avec l’agent et ce demandeur de la copie. Hors contrôle fraude, la catégorie d’une suspension (fraude, incivilité) y est masquée (« suspension »), comme dans les listes ; la copie que le demandeur obtient lui-même sur le portail est complète.',
  query: requete, reponse: { fichier: ['application/zip'] }, problemes: { 400: ['VALIDATION'], 404: ['INTROUVABLE'], 429: ['TROP_DE_REQUETES'] },
});

/** DATA-ACCES: the portal's package, produced by an agent who may read and download this demandeur's pieces; fraud category masked for non-fraud agents (R-FRAUD-VIS). */
export function donneesDemandeurRouter(ctx: AppContext) {
  const r = Router();
  r.get('/:id/donnees.zip', limiter(ctx, REGLES.archiveIp, ipDe), limiter(ctx, REGLES.archiveAgent, (req) => req.agent?.id), async (req, res) => {
    const id = parseId(String(req.params.id));
    if (!req.ability!.can('exporter_donnees', 'demandeurs')) throw forbidden();
    const { demandePar } = parseBody(requete, req.query);
    await getRow(req, ctx, demandeurs, id, 'exporter_donnees'); // outside the agent's scope: 404
    // R-FRAUD-VIS: whoever may not read a suspension's type gets the package with the category masked.
    const masquer = !req.ability!.can('read', 'suspensions', 'type');
    await livrerDonnees(ctx, req.em!, res, { demandeurId: id, format: 'zip', acteur: { type: 'agent', id: req.agent!.id }, ip: req.ip, demandePar, masquerFraude: masquer });
  });
  return r;
}
