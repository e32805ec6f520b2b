import { Router } from 'express';
import type { NatureOffre } from '@shared/domain/enums';
import { libellePalier } from '@shared/rules/classement';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { z } from 'zod';
import { STATUTS_CANDIDATURE } from '@shared/domain/enums';
import { decrireRoute } from '@server/openapi/registry';
import { offres } from './offres.resource';
import { tracerLecture } from '@server/modules/traces/tracer';
import type { CandidatureTable } from '@server/db/schema';

decrireRoute({
  method: 'get', path: '/api/offres/{id}/classement', auth: 'agent', summary: 'File classée de l’offre (R-RANK) : candidatures ouvertes, rang 1 en premier',
  reponse: {
    json: z.array(z.object({
      rang: z.number().int(), palier: z.number().int(), libellePalier: z.string(), motif: z.string(), candidatureId: z.number().int(), demandeurId: z.number().int(),
      statut: z.enum(STATUTS_CANDIDATURE), dateCandidature: z.iso.datetime(), reference: z.string(), agentEnChargeId: z.number().int().nullable(),
      demandeurNom: z.string(), demandeurPrenom: z.string(),
    })),
  },
});

/** The open statuses (R-RANK ranks the open candidatures only). */
const OUVERTES = `('deposee', 'en_instruction', 'transmise_bailleur')`;

/**
 * GET /api/offres/:id/classement — the ranked queue of one offer (R-RANK): open candidatures in
 * the order (palier, dateCandidature, id), rank by a window function over the palier index.
 */
export function classementRouter(ctx: AppContext) {
  const r = Router();
  r.get('/:id/classement', async (req, res) => {
    const id = parseId(req.params.id);
    const offre = await getRow(req, ctx, offres, id, 'read', ['nature']);
    if (!req.ability!.can('read', 'candidatures')) throw forbidden();
    const lecture = req.em!.execute<
      { rang: number; palier: number; candidatureId: number; demandeurId: number; statut: CandidatureTable['statut']; dateCandidature: Date; demandeurNom: string; demandeurPrenom: string; reference: string; agentEnChargeId: number | null; dateParis?: string }[]
    >(
      // The date of the motif in Paris time by PostgreSQL (to_char): formatting 627 dates with Intl in Node took longer than the query.
      `select row_number() over (order by c.palier, c.date_candidature, c.id)::int as rang, c.palier, c.id as "candidatureId",
              to_char(c.date_candidature at time zone 'Europe/Paris', 'DD/MM/YYYY "à" HH24:MI') as "dateParis",
              c.demandeur_id as "demandeurId", c.statut, c.date_candidature as "dateCandidature", c.reference,
              c.agent_en_charge_id as "agentEnChargeId", dr.nom as "demandeurNom", dr.prenom as "demandeurPrenom"
         from candidature c join demandeur dr on dr.id = c.demandeur_id
        where c.offre_id = ? and c.statut in ${OUVERTES}
        order by c.palier, c.date_candidature, c.id`,
      [id],
    );
    // DATA-TRACES, written at the same time as the read (two pooled connections), its count by the
    // same WHERE: the trace's commit overlaps the query instead of following it.
    const trace = tracerLecture(req, ctx, 'classement', {
      entiteId: id,
      nombreSql: { sql: `select count(*) from candidature c where c.offre_id = ? and c.statut in ${OUVERTES}`, params: [id] },
    });
    const [rows] = await Promise.all([lecture, trace]);
    const nature = offre.nature as NatureOffre;
    // R-RANK-EXPLAIN: motifClassement()'s words (a test keeps them equal), one label per palier.
    const libelles = new Map<number, string>();
    const libelle = (palier: number) => libelles.get(palier) ?? libelles.set(palier, libellePalier(nature, palier)).get(palier)!;
    res.json(rows.map(({ dateParis, ...x }) => ({ ...x, libellePalier: libelle(x.palier), motif: `${libelle(x.palier)}, candidature du ${dateParis}` })));
  });
  return r;
}
