import type { Lecteur } from '@server/db/lecture';
import type { Statistiques } from '@shared/api/statistiques';
import { effectifDiffusable } from '@shared/rules/statistiques';
import type { EntrepriseTable } from '@server/db/schema';

const P = { from: `(?::date)::timestamp at time zone 'Europe/Paris'`, to: `(?::date + 1)::timestamp at time zone 'Europe/Paris'` };
const jours = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Rows of the queries below: the API's own shapes where a query fills one, else these. */
type C = Statistiques['candidatures'];
type LigneDelai = { n: number; mediane: number | null; p90: number | null };
type LigneOffres = { publiees: number; sansCandidat: number };
type LigneContribution = Pick<EntrepriseTable, 'contribution'> & { entreprises: number; demandes: number; designations: number };

/**
 * The managers' dashboard (R-STATS, §18.4): aggregates computed in SQL — counts and durations
 * only, never a name, an id or a row. Figures that an entreprise could see (the breakdown by
 * entreprise contribution) withhold counts under 5 (shared/rules/statistiques.ts).
 */
export async function calculerStatistiques(em: Lecteur, now: Date, periode: { from: string; to: string }): Promise<Statistiques> {
  const { from, to } = periode;
  const parStatut = await em.execute<C['parStatut']>(
    `select statut, count(*)::int as n from candidature group by statut order by statut`,
  );
  const parDepartement = await em.execute<C['parDepartement']>(
    `select departement, count(*)::int as n, count(*) filter (where statut in ('deposee', 'en_instruction', 'transmise_bailleur'))::int as ouvertes
       from candidature group by departement order by departement`,
  );
  const parNature = await em.execute<C['parNature']>(`select nature, count(*)::int as n from candidature group by nature order by nature`);
  const [delai] = await em.execute<LigneDelai[]>(
    `select count(*)::int as n,
            percentile_cont(0.5) within group (order by extract(epoch from designee_le - date_candidature) / 86400) as mediane,
            percentile_cont(0.9) within group (order by extract(epoch from designee_le - date_candidature) / 86400) as p90
       from candidature where designee_le is not null and designee_le >= ${P.from} and designee_le < ${P.to}`,
    [from, to],
  );
  const suspensions = await em.execute<Statistiques['suspensionsParMois']>(
    `select to_char(m, 'YYYY-MM') as mois, coalesce(s.n, 0)::int as n
       from generate_series(date_trunc('month', (?::date)), date_trunc('month', (?::date)), interval '1 month') m
       left join (select date_trunc('month', debut at time zone 'Europe/Paris') as mois, count(*) as n from suspension
                   where debut >= ${P.from} and debut < ${P.to} group by 1) s on s.mois = m
      order by m`,
    [from, to, from, to],
  );
  const [offres] = await em.execute<LigneOffres[]>(
    `select count(*)::int as publiees,
            count(*) filter (where not exists (select 1 from candidature c where c.offre_id = o.id
                                                and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')))::int as "sansCandidat"
       from offre o
      where o.publiee and o.depubliee_le is null and (o.debut_publication is null or o.debut_publication <= ?)
        and (o.fin_publication is null or o.fin_publication > ?)`,
    [now, now],
  );
  const contributions = await em.execute<LigneContribution[]>(
    `select e.contribution, count(distinct e.id)::int as entreprises,
            count(distinct d.id) filter (where d.statut <> 'cloturee')::int as demandes,
            count(distinct c.id) filter (where c.designee_le >= ${P.from} and c.designee_le < ${P.to})::int as designations
       from entreprise e left join demande d on d.entreprise_id = e.id left join candidature c on c.demande_id = d.id
      group by e.contribution order by e.contribution`,
    [from, to],
  );
  return {
    genereLe: now.toISOString(),
    periode,
    candidatures: { total: parStatut.reduce((s, r) => s + r.n, 0), parStatut, parDepartement, parNature },
    delaiDesignation: { n: delai.n, medianeJours: jours(delai.mediane), p90Jours: jours(delai.p90) },
    suspensionsParMois: suspensions,
    offres: { publiees: offres.publiees, sansCandidat: offres.sansCandidat },
    parContribution: contributions.map((c) => ({
      contribution: c.contribution,
      entreprises: effectifDiffusable(c.entreprises),
      demandesActives: effectifDiffusable(c.demandes),
      designations: effectifDiffusable(c.designations),
    })),
  };
}
