import { Router } from 'express';
import type { AppContext } from '@server/context';
import { parseId } from '@server/http/simpleRest';
import { annulerParDemandeur } from '@server/modules/candidatures/annulerParDemandeur';
import { demandeurDe, requireDemandeur } from './auth';
import { z } from 'zod';
import { decrireRoute } from '@server/openapi/registry';
import { candidatureAnnulee, candidatureVue } from './reponses';

decrireRoute({ method: 'get', path: '/api/portail/candidatures', auth: 'demandeur', summary: 'Mes candidatures (200 dernières)', reponse: { json: z.array(candidatureVue) } });
decrireRoute({
  method: 'post', path: '/api/portail/candidatures/{id}/annuler', auth: 'demandeur', summary: 'Annuler ma candidature tant qu’elle est déposée (R-CANCEL-SELF)',
  reponse: { json: candidatureAnnulee }, problemes: { 409: ['EN_INSTRUCTION', 'TRANSITION_INTERDITE'] },
});

/** The demandeur's own candidatures: list, and self-cancel while `deposee` (R-CANCEL-SELF). */
export function candidaturesRouter(ctx: AppContext) {
  const r = Router();
  r.use(requireDemandeur(ctx));

  r.get('/', async (req, res) => {
    const rows = await req.em!.execute(
      `select c.id, c.reference, c.statut, c.date_candidature as "dateCandidature", c.origine, c.offre_id as "offreId",
              o.reference as offre, o.titre, o.nature, o.forme, o.typologie, o.commune, b.nom as bailleur
         from candidature c join offre o on o.id = c.offre_id join bailleur b on b.id = o.bailleur_id
        where c.demandeur_id = ? order by c.date_candidature desc, c.id desc limit 200`,
      [demandeurDe(req).id],
    );
    res.json(rows);
  });

  r.post('/:id/annuler', async (req, res) => {
    const id = parseId(req.params.id);
    const out = await req.em!.transactional((tx) => annulerParDemandeur(tx, demandeurDe(req).id, id, ctx.clock.now(), req.ip));
    res.json(out);
  });
  return r;
}
