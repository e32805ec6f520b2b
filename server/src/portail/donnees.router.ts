import { Router } from 'express';
import type { AppContext } from '@server/context';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { livrerDonnees } from '@server/modules/donnees/livrer';
import { decrireRoute } from '@server/openapi/registry';
import { objet } from '@server/openapi/schemas';
import { demandeurDe, requireDemandeur } from './auth';

decrireRoute({
  method: 'get', path: '/api/portail/mes-donnees', auth: 'demandeur', summary: 'Toutes mes données personnelles (RGPD art. 15), en JSON',
  description: 'Compte, demandes, candidatures, pièces (métadonnées), propositions, courriels envoyés, suspensions (catégorie et durée), connexions. La demande est journalisée.',
  reponse: { json: objet('{format, genereLe, responsableTraitement, compte, demandes, candidatures, justificatifs, propositions, notifications, suspensions, connexions}') },
  problemes: { 429: ['TROP_DE_REQUETES'] },
});
decrireRoute({
  method: 'get', path: '/api/portail/mes-donnees.zip', auth: 'demandeur', summary: 'Mes données et mes pièces dans un fichier ZIP (RGPD art. 15 et 20)',
  description: '`donnees.json` et les fichiers de mes pièces (`pieces/…`), en flux. La demande est journalisée.',
  reponse: { fichier: ['application/zip'] },
  problemes: { 429: ['TROP_DE_REQUETES'] },
});

/** DATA-ACCES: the demandeur's own data (no CGU acceptance required: a right, not a use of the service). */
export function donneesRouter(ctx: AppContext) {
  const r = Router();
  r.use(requireDemandeur(ctx, { cgu: false }));
  // The JSON and the ZIP count together: each reads everything held on the demandeur.
  const limites = [limiter(ctx, REGLES.donneesIp, ipDe), limiter(ctx, REGLES.donneesDemandeur, (req) => req.demandeur?.id)];
  r.get('/mes-donnees', ...limites, async (req, res) => {
    const id = demandeurDe(req).id;
    await livrerDonnees(ctx, req.em!, res, { demandeurId: id, format: 'json', acteur: { type: 'demandeur', id }, ip: req.ip });
  });
  r.get('/mes-donnees.zip', ...limites, async (req, res) => {
    const id = demandeurDe(req).id;
    await livrerDonnees(ctx, req.em!, res, { demandeurId: id, format: 'zip', acteur: { type: 'demandeur', id }, ip: req.ip });
  });
  return r;
}
