/**
 * GET /api/candidatures/:id/offres-similaires (§11.25): after instruction (typically a
 * non-retained candidature), the offers of the same territory that could be proposed to its
 * demandeur instead — published or not, not withdrawn, a typologie suited to the household — each
 * checked with the shared rules (evaluer: eligibility, limits with origine `proposition`), the
 * closest to the first offer first (same typologie, same nature, distance between communes).
 * SQL pre-filter and bounded list (MAX_SIMILAIRES), then the rules in memory: no query per offer.
 */
import type { Request } from 'express';
import type { Typologie } from '@shared/domain/enums';
import { typologiesAdaptees } from '@shared/rules/eligibilite';
import { estPubliee } from '@shared/rules/publication';
import { whereClause } from '@server/http/simpleRest';
import { offres } from '@server/modules/offres/offres.resource';
import { basesParDemandeur, chargerOffres, COLONNES_OFFRE, completerCandidats, marks, versOffreCible, type OffreCible } from './candidats';
import { evaluer } from './evaluer';

export const MAX_SIMILAIRES = 50;

export async function offresSimilaires(req: Request, now: Date, candidature: { id: number; demandeurId: number; offreId: number; departement: string }) {
  const em = req.em!;
  const [origine] = await chargerOffres(em, [candidature.offreId]);
  const [candidat] = await completerCandidats(em, await basesParDemandeur(em, [candidature.demandeurId]));
  const taille = candidat?.demande?.nombrePersonnes ?? 1;
  const typologies: Typologie[] = typologiesAdaptees(taille);
  const scope = whereClause(req, offres, 'read', {}, now);
  const rows = await em.execute<(OffreCible & { distanceKm: number | null; loyer: number | null; loyerMin: number | null; loyerMax: number | null; surface: number | null; surfaceMin: number | null; surfaceMax: number | null })[]>(
    `select ${COLONNES_OFFRE}, o.loyer, o.loyer_min as "loyerMin", o.loyer_max as "loyerMax", o.surface, o.surface_min as "surfaceMin", o.surface_max as "surfaceMax",
            round((2 * 6371 * asin(least(1, sqrt(power(sin(radians(c.latitude - c0.latitude) / 2), 2)
              + cos(radians(c0.latitude)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - c0.longitude) / 2), 2)))))::numeric, 1)::float8 as "distanceKm"
       from offre o
       left join commune c on c.code_insee = o.code_insee
       left join commune c0 on c0.code_insee = ?
      where o.departement = ? and o.id <> ? and o.reprise_le is null and o.attribution_directe_le is null
        and o.typologie in (${marks(typologies.length)}) and ${scope.sql}
      order by (o.typologie = ?) desc, (o.nature = ?) desc, "distanceKm" nulls last, o.reference
      limit ${MAX_SIMILAIRES}`,
    [origine.codeInsee, candidature.departement, candidature.offreId, ...typologies, ...scope.params, origine.typologie, origine.nature],
  );
  const proposables = [];
  const ecartees = [];
  for (const row of rows) {
    const o = versOffreCible(row);
    const e = candidat ? evaluer(o, candidat, now) : { ok: false as const, code: 'DEMANDEUR_INCONNU', raison: 'Demandeur introuvable.', refus: [] };
    const vue = {
      id: o.id, reference: o.reference, titre: o.titre, commune: o.commune, departement: o.departement, nature: o.nature, forme: o.forme,
      typologie: o.typologie, reglementation: o.reglementation, loyer: row.loyer, loyerMin: row.loyerMin, loyerMax: row.loyerMax,
      surface: row.surface, surfaceMin: row.surfaceMin, surfaceMax: row.surfaceMax, distanceKm: row.distanceKm, enLigne: estPubliee(o, now),
    };
    if (e.ok) proposables.push({ ...vue, palier: e.palier, libellePalier: e.libellePalier, raisons: e.raisons });
    else ecartees.push({ ...vue, code: e.code, raison: e.raison });
  }
  return {
    candidature: { id: candidature.id, offreId: origine.id, offreReference: origine.reference, demandeurId: candidature.demandeurId },
    offres: proposables,
    ecartees,
  };
}
