/**
 * GET /api/offres/:id/correspondances (§11.17): the demandeurs an offer may be proposed to —
 * published or not — with the reasons they match, and those left out with their code.
 *
 * 1. Geographic pre-filter, in SQL: the communes within MAX_RAYON_KM + MARGE_KM of the offer's
 *    commune (haversine on the `commune` coordinates, after a bounding box), then the complete
 *    demandes searching one of them (partial GIN index on als_secteurs_codes), keeping for each
 *    the sector that reaches the offer (distance ≤ its rayonKm) or, failing that, its nearest miss
 *    within MARGE_KM (listed as HORS_SECTEUR). Active accounts only. Ordered reaching first, then
 *    by date of demande; one page of at most MAX_EVALUES candidates (`debut`, `nombre`).
 * 2. The page's data in four more queries (completerCandidats), whatever its size.
 * 3. The shared rules in memory (evaluer): eligibility, limits with origine `proposition`,
 *    suspension; the matches sorted by the offer's ranking (palier, then date of demande).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { estPubliee } from '@shared/rules/publication';
import { completerCandidats, COLONNES_BASE, type BaseCandidat, type OffreCible } from '@server/modules/propositions/candidats';
import { evaluer, type SecteurTrouve } from '@server/modules/propositions/evaluer';

/** At most this many candidates are evaluated per call (a page); `suivant` gives the next `debut`. */
export const MAX_EVALUES = 200;
/** rayonKm is 0..100 (domain.md). */
export const MAX_RAYON_KM = 100;
/** Sectors missing the offer by at most this much are listed as HORS_SECTEUR (the agent sees why). */
export const MARGE_KM = 15;

interface BaseGeo extends BaseCandidat {
  secteurCommune: string;
  rayonKm: number;
  distanceKm: number;
  atteint: boolean;
  total: number;
  atteignent: number;
}

const HAVERSINE = `2 * 6371 * asin(least(1, sqrt(power(sin(radians(c.latitude - o.lat) / 2), 2)
  + cos(radians(o.lat)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - o.lon) / 2), 2))))`;

async function pageGeographique(em: EntityManager, offre: OffreCible, debut: number, nombre: number, atteignables: { sql: string; params: unknown[] }): Promise<BaseGeo[]> {
  const [coord] = await em.execute<{ lat: number; lon: number }[]>(`select latitude as lat, longitude as lon from commune where code_insee = ?`, [offre.codeInsee]);
  const portee = MAX_RAYON_KM + MARGE_KM;
  // Without coordinates for the offer's commune, only the sectors naming that very commune match (0 km).
  const proches = coord
    ? {
        sql: `select c.code_insee, ${HAVERSINE} as km from commune c, (select ?::float8 as lat, ?::float8 as lon) o
               where c.latitude between ? and ? and c.longitude between ? and ?`,
        params: [coord.lat, coord.lon, coord.lat - portee / 111.2, coord.lat + portee / 111.2,
          coord.lon - portee / (111.2 * Math.cos((coord.lat * Math.PI) / 180)), coord.lon + portee / (111.2 * Math.cos((coord.lat * Math.PI) / 180))],
      }
    : { sql: `select ?::text as code_insee, 0::float8 as km`, params: [offre.codeInsee] };
  return em.execute<BaseGeo[]>(
    `with proches as (${proches.sql}),
     secteurs as (
       select d.id as demande_id, coalesce(nullif(e->>'commune', ''), e->>'codeInsee') as commune,
              least(greatest(coalesce((e->>'rayonKm')::float8, 0), 0), ${MAX_RAYON_KM}) as rayon, p.km
         from demande d
         cross join lateral jsonb_array_elements(d.secteurs_recherche) e
         join proches p on p.code_insee = e->>'codeInsee'
        where d.statut = 'complete' and als_secteurs_codes(d.secteurs_recherche) && (select array_agg(code_insee::text) from proches)
     ),
     meilleur as (
       select distinct on (demande_id) demande_id, commune, rayon, km, km <= rayon as atteint from secteurs
        where km - rayon <= ${MARGE_KM}
        order by demande_id, km <= rayon desc, case when km <= rayon then km else km - rayon end
     )
     select ${COLONNES_BASE}, m.commune as "secteurCommune", m.rayon as "rayonKm", m.km as "distanceKm", m.atteint,
            count(*) over ()::int as total, (count(*) filter (where m.atteint) over ())::int as atteignent
       from meilleur m join demande d on d.id = m.demande_id join demandeur dr on dr.id = d.demandeur_id
      where dr.statut_compte = 'actif' and dr.desactive_le is null and ${atteignables.sql}
      order by m.atteint desc, d.created_at, d.id
      limit ? offset ?`,
    [...proches.params, ...atteignables.params, nombre, debut],
  );
}

export interface Correspondance {
  demandeurId: number;
  demandeId: number;
  demandeReference: string | null;
  civilite: string;
  nom: string;
  prenom: string;
  nombrePersonnes: number | null;
  revenuFiscalReference: number | null;
  publicCible: string | null;
  dateDemande: string;
  secteur: SecteurTrouve;
  palier: number;
  libellePalier: string;
  raisons: string[];
}

export interface Ecart {
  demandeurId: number;
  demandeId: number | null;
  civilite: string;
  nom: string;
  prenom: string;
  code: string;
  raison: string;
  refus: { code: string; raison: string }[];
}

/** `portee`: the demandeurs the caller may reach (propositions/portee.ts), an SQL condition on `dr`; nobody else is listed, even as left out. */
export async function correspondances(em: EntityManager, offre: OffreCible, now: Date, debut = 0, nombre = MAX_EVALUES, portee = { sql: 'true', params: [] as unknown[] }) {
  const page = await pageGeographique(em, offre, debut, Math.min(nombre, MAX_EVALUES), portee);
  const candidats = await completerCandidats(em, page);
  const trouves: Correspondance[] = [];
  const ecartes: Ecart[] = [];
  for (const c of candidats) {
    const b = c.base;
    const secteur: SecteurTrouve = { commune: b.secteurCommune, rayonKm: Number(b.rayonKm), distanceKm: Math.round(Number(b.distanceKm) * 10) / 10, atteint: b.atteint };
    const e = evaluer(offre, c, now, secteur);
    const qui = { demandeurId: b.demandeurId, civilite: b.civilite, nom: b.nom, prenom: b.prenom };
    if (e.ok) {
      trouves.push({
        ...qui, demandeId: b.demandeId!, demandeReference: b.demandeReference, nombrePersonnes: b.nombrePersonnes,
        revenuFiscalReference: b.revenuFiscalReference, publicCible: b.publicCible, dateDemande: new Date(b.dateDemande!).toISOString(),
        secteur, palier: e.palier, libellePalier: e.libellePalier, raisons: e.raisons,
      });
    } else {
      ecartes.push({ ...qui, demandeId: b.demandeId, code: e.code, raison: e.raison, refus: e.refus });
    }
  }
  trouves.sort((a, b) => a.palier - b.palier || a.dateDemande.localeCompare(b.dateDemande) || a.demandeId - b.demandeId);
  ecartes.sort((a, b) => a.code.localeCompare(b.code) || a.nom.localeCompare(b.nom, 'fr') || a.demandeurId - b.demandeurId);
  const total = page[0]?.total ?? 0;
  return {
    offre: { id: offre.id, reference: offre.reference, titre: offre.titre, commune: offre.commune, enLigne: estPubliee(offre, now), retiree: offre.retiree },
    debut,
    evalues: page.length,
    total,
    atteignent: page[0]?.atteignent ?? 0,
    suivant: debut + page.length < total ? debut + page.length : null,
    maxEvalues: MAX_EVALUES,
    correspondances: trouves,
    ecartes,
  };
}
