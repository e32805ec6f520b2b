import { Router } from 'express';
import type { NatureOffre } from '../../../../shared/domain/enums';
import { libellePalier, motifClassement } from '../../../../shared/rules/classement';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import { getRow, parseId } from '../../http/simpleRest';
import { offres } from './offres.resource';

/**
 * GET /api/offres/:id/classement — the ranked queue of one offer (R-RANK): open candidatures in
 * the order (palier, dateCandidature, id), rank by a window function over the palier index.
 */
export function classementRouter(ctx: AppContext) {
  const r = Router();
  r.get('/:id/classement', async (req, res) => {
    const id = parseId(req.params.id);
    const offre = await getRow(req, ctx, offres, id);
    if (!req.ability!.can('read', 'candidatures')) throw forbidden();
    const rows = await req.em!.execute<
      { rang: number; palier: number; candidatureId: number; demandeurId: number; statut: string; dateCandidature: Date; demandeurNom: string; demandeurPrenom: string; reference: string; agentEnChargeId: number | null }[]
    >(
      `select row_number() over (order by c.palier, c.date_candidature, c.id)::int as rang, c.palier, c.id as "candidatureId",
              c.demandeur_id as "demandeurId", c.statut, c.date_candidature as "dateCandidature", c.reference,
              c.agent_en_charge_id as "agentEnChargeId", dr.nom as "demandeurNom", dr.prenom as "demandeurPrenom"
         from candidature c join demandeur dr on dr.id = c.demandeur_id
        where c.offre_id = ? and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')
        order by c.palier, c.date_candidature, c.id`,
      [id],
    );
    const nature = offre.nature as NatureOffre;
    res.json(rows.map((x) => ({ ...x, libellePalier: libellePalier(nature, x.palier), motif: motifClassement(nature, x.palier, x.dateCandidature) })));
  });
  return r;
}
