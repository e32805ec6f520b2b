import { Router } from 'express';
import type { NatureOffre } from '@shared/domain/enums';
import { libellesPaliers } from '@shared/rules/classement';
import type { AppContext } from '@server/context';
import { CLASSEMENT_CACHE_MO_DEFAUT } from '@server/config';
import { forbidden } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { z } from 'zod';
import { STATUTS_CANDIDATURE } from '@shared/domain/enums';
import { decrireRoute } from '@server/openapi/registry';
import { offres } from './offres.resource';
import { tracerLecture } from '@server/modules/traces/tracer';
import { CacheClassements, SQL_GARDE_VALIDE } from './classementCache';

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
 * the order (palier, dateCandidature, id), rank by a window function over the palier index. The
 * answer is kept and served again while it is exact (classementCache.ts, migration classement_marques).
 */
export function classementRouter(ctx: AppContext) {
  const r = Router();
  const cache = new CacheClassements(ctx.config.classementCacheOctets ?? CLASSEMENT_CACHE_MO_DEFAUT * 1024 * 1024);
  r.get('/:id/classement', async (req, res) => {
    const id = parseId(req.params.id);
    const offre = await getRow(req, ctx, offres, id, 'read', ['nature']);
    if (!req.ability!.can('read', 'candidatures')) throw forbidden();
    const nature = offre.nature as NatureOffre;
    const cle = `${id}:${nature}`;
    const gardee = cache.lire(cle);
    // DATA-TRACES, written at the same time as the read (two pooled connections), its count by the
    // same WHERE: the trace's commit overlaps the query instead of following it.
    const trace = tracerLecture(req, ctx, 'classement', {
      entiteId: id,
      nombreSql: { sql: `select count(*) from candidature c where c.offre_id = ? and c.statut in ${OUVERTES}`, params: [id] },
    });
    if (gardee) {
      const [[{ valide }]] = await Promise.all([
        req.em!.execute<{ valide: boolean }[]>(SQL_GARDE_VALIDE, [gardee.epoque, id, gardee.instantane]),
        trace,
      ]);
      if (valide) {
        res.type('application/json').send(gardee.corps);
        return;
      }
      cache.oublier(cle);
    }
    // The whole answer is written by PostgreSQL as one JSON text (row_to_json, compact like
    // JSON.stringify; VOLUME-CLASSEMENT-JSON checks the bytes): for an offer of 2 529 open candidatures,
    // parsing the rows into objects, formatting and serialising them again cost the API process 35 ms
    // of CPU per request; now 11 ms. The motif is
    // motifClassement()'s words (R-RANK-EXPLAIN; a test keeps them equal): the palier's label from
    // the shared rule, the date in Paris time by PostgreSQL; dateCandidature in ISO 8601 UTC with
    // milliseconds, as Date#toISOString. The same statement gives the snapshot and the epoch the
    // answer is kept with (classementCache.ts).
    const lecture = req.em!.execute<{ json: string | null; instantane: string; epoque: string | null }[]>(
      `with libelle as (select key::int as palier, value as texte from jsonb_each_text(?::jsonb))
       select '[' || string_agg(row_to_json(x)::text, ',' order by x.rang) || ']' as json,
              pg_current_snapshot()::text as instantane, (select epoque::text from classement_epoque where id = 1) as epoque
         from (select row_number() over (order by c.palier, c.date_candidature, c.id)::int as rang, c.palier, c.id as "candidatureId",
                      c.demandeur_id as "demandeurId", c.statut,
                      to_char(c.date_candidature at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dateCandidature",
                      c.reference, c.agent_en_charge_id as "agentEnChargeId", dr.nom as "demandeurNom", dr.prenom as "demandeurPrenom",
                      l.texte as "libellePalier",
                      l.texte || ', candidature du ' || to_char(c.date_candidature at time zone 'Europe/Paris', 'DD/MM/YYYY "à" HH24:MI') as motif
                 from candidature c join demandeur dr on dr.id = c.demandeur_id left join libelle l on l.palier = c.palier
                where c.offre_id = ? and c.statut in ${OUVERTES}) x`,
      [JSON.stringify(libellesPaliers(nature)), id],
    );
    const [[l]] = await Promise.all([lecture, gardee ? undefined : trace]);
    const corps = Buffer.from(l.json ?? '[]');
    if (l.epoque !== null) cache.garder(cle, { corps, instantane: l.instantane, epoque: l.epoque });
    res.type('application/json').send(corps);
  });
  return r;
}
