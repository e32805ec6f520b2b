/**
 * The portal's offer search (R-PUB §11.15, R-ELIG §11.16, §11.17 radius): published offers only,
 * and for a demandeur with a complete demande only those it is eligible to. Everything is
 * filtered, sorted, counted and paged in SQL; the parts of R-ELIG that depend on the household
 * alone (suited typologies, reglementations without an expired required piece) are computed
 * once with the shared rules and passed as lists, the plafond is read in SQL exactly as
 * plafondApplicable does (test: test/api/portail/offres.test.ts compares both).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { REGLEMENTATIONS, type FormeOffre, type NatureOffre } from '@shared/domain/enums';
import type { DemandeRules, Instant, JustificatifRules } from '@shared/domain/types';
import { checklist } from '@shared/rules/completude';
import { typologiesAdaptees } from '@shared/rules/eligibilite';

export interface CritereEligibilite {
  demande: DemandeRules;
  justificatifs: readonly JustificatifRules[];
}

export interface RechercheOffres {
  communes: string[];
  rayonKm: number;
  nature?: NatureOffre;
  forme?: FormeOffre;
  debut: number;
  fin: number;
  eligibilite: CritereEligibilite | null;
}

/** R-PUB (estPubliee) over the offre row `o`, with `now` as the one parameter. */
export const SQL_PUBLIEE = `(o.publiee and o.depubliee_le is null and o.reprise_le is null and o.debut_publication is not null
  and o.debut_publication <= ?::timestamptz and (o.fin_publication is null or ?::timestamptz < o.fin_publication))`;

/** plafondApplicable(o.plafonds, n): the entry of the largest size ≤ n, else the smallest size's; null = no plafond. */
export const SQL_PLAFOND = `coalesce(
  (select e.value::numeric from jsonb_each_text(o.plafonds) e where e.key ~ '^[0-9]{1,6}$' and e.value ~ '^[0-9]{1,12}(\\.[0-9]+){0,1}$' and e.key::int <= ?::int order by e.key::int desc limit 1),
  (select e.value::numeric from jsonb_each_text(o.plafonds) e where e.key ~ '^[0-9]{1,6}$' and e.value ~ '^[0-9]{1,12}(\\.[0-9]+){0,1}$' order by e.key::int asc limit 1))`;

const DISTANCE = `(select min(6371 * 2 * asin(least(1, sqrt(
    power(sin(radians(co.latitude - s.latitude) / 2), 2) + cos(radians(s.latitude)) * cos(radians(co.latitude)) * power(sin(radians(co.longitude - s.longitude) / 2), 2)))))
  from commune s where s.code_insee in (CODES))`;

/** The reglementations for which this household has no expired required piece (R-ELIG, §11.10). */
export function reglementationsSansPieceExpiree(c: CritereEligibilite, now: Instant) {
  return REGLEMENTATIONS.filter((reglementation) => !checklist({ reglementation }, c.demande, c.justificatifs, now).some((l) => l.expire && !l.ok));
}

function marques(n: number) {
  return Array.from({ length: n }, () => '?').join(', ');
}

export async function rechercherOffres(em: EntityManager, q: RechercheOffres, now: Date) {
  const where: string[] = [SQL_PUBLIEE];
  const params: unknown[] = [now, now];
  let distance = 'null::float8';
  const distanceParams: unknown[] = [];
  if (q.communes.length) {
    distance = DISTANCE.replace('CODES', marques(q.communes.length));
    distanceParams.push(...q.communes);
    where.push(`(o.code_insee in (${marques(q.communes.length)}) or ${distance} <= ?::float8)`);
    params.push(...q.communes, ...q.communes, q.rayonKm);
  }
  if (q.nature) {
    where.push('o.nature = ?');
    params.push(q.nature);
  }
  if (q.forme) {
    where.push('o.forme = ?');
    params.push(q.forme);
  }
  if (q.eligibilite) {
    const { demande } = q.eligibilite;
    const typologies = typologiesAdaptees(demande.nombrePersonnes);
    const reglementations = reglementationsSansPieceExpiree(q.eligibilite, now);
    if (typologies.length === 0 || reglementations.length === 0) where.push('false');
    else {
      where.push(`o.typologie in (${marques(typologies.length)})`, `o.reglementation in (${marques(reglementations.length)})`);
      params.push(...typologies, ...reglementations);
    }
    where.push(`coalesce(?::numeric <= ${SQL_PLAFOND}, true)`);
    params.push(demande.revenuFiscalReference, demande.nombrePersonnes);
  }
  const from = `from offre o join bailleur b on b.id = o.bailleur_id left join programme p on p.id = o.programme_id left join commune co on co.code_insee = o.code_insee`;
  const ordre = q.communes.length ? `"distanceKm" asc nulls first, o.debut_publication desc, o.id desc` : `o.debut_publication desc, o.id desc`;
  const rows = await em.execute<Record<string, unknown>[]>(
    `select o.id, o.reference, o.titre, o.nature, o.forme, o.typologie, o.surface, o.surface_min as "surfaceMin", o.surface_max as "surfaceMax",
            o.loyer, o.loyer_min as "loyerMin", o.loyer_max as "loyerMax", o.commune, o.code_insee as "codeInsee", o.code_postal as "codePostal",
            o.departement, o.reglementation, o.plafonds, o.nombre_logements as "nombreLogements", o.debut_publication as "debutPublication",
            o.fin_publication as "finPublication", b.nom as bailleur, b.est_inli as "estInli", p.nom as programme,
            ${q.communes.length ? `case when o.code_insee in (${marques(q.communes.length)}) then 0 else round((${distance})::numeric, 1)::float8 end` : 'null::float8'} as "distanceKm"
       ${from} where ${where.join(' and ')} order by ${ordre} limit ? offset ?`,
    [...(q.communes.length ? [...q.communes, ...distanceParams] : []), ...params, q.fin - q.debut + 1, q.debut],
  );
  const total = await em.execute<{ total: number }[]>(`select count(*)::int as total ${from} where ${where.join(' and ')}`, params);
  return { rows, total: total[0].total };
}

/** One published offer (the same row as the list), or null. */
export async function offrePubliee(em: EntityManager, id: number, now: Date) {
  const rows = await em.execute<{ id: number }[]>(`select o.id from offre o where o.id = ? and ${SQL_PUBLIEE}`, [id, now, now]);
  return rows[0] ?? null;
}
