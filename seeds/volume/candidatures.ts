/**
 * Volume seed, third part: candidatures. Each goes to a demande that is not a draft, on an offer
 * of the demandeur's département drawn with a long tail (a few offers get thousands of
 * candidatures, most a few dozen); statuses follow the demande (open ones only on a complete
 * demande, like the demo), then the database's own rules are applied (one open candidature per
 * demandeur and offer, R-LIMIT-CL, R-LIMIT-ID) and the palier is the one the SQL functions of
 * the paliers_sql migration give (palierCandidature, checked on a sample by index.ts).
 */
import { RANG_A_LA_DESIGNATION } from '@server/modules/candidatures/rangDesignation';
import type { Volume } from './sql';

const OUVERTS = "('deposee', 'en_instruction', 'transmise_bailleur')";

export async function candidatures(v: Volume) {
  const { x, now } = v;
  const deja = Number((await x<{ n: number }>(`select count(*)::int n from candidature`))[0].n);
  const n = Math.max(0, v.candidatures - deja);
  await x(`create temp table dmo as
    select row_number() over (order by d.id) as k, d.id as demande_id, d.demandeur_id, d.statut, d.motif_cloture, d.cloture_le, d.created_at, dep.code
      from demande d join dep on pg_temp.u(d.demandeur_id, 20) >= dep.lo and pg_temp.u(d.demandeur_id, 20) < dep.hi
     where d.reference like 'DEM-V-%' and d.statut <> 'brouillon'`);
  const [{ m }] = await x<{ m: number }>(`select count(*)::int m from dmo`);
  await x(`create temp table cv as
    select g, d.demande_id, d.demandeur_id, d.code, d.statut as demande_statut, d.motif_cloture, d.cloture_le, d.created_at,
           b.premier + least(b.taille - 1, floor(b.taille * power(pg_temp.u(g, 42), 2.2))::int) as offre_id,
           pg_temp.u(g, 43) u3, pg_temp.u(g, 44) u4, pg_temp.u(g, 45) u5, pg_temp.u(g, 46) u6,
           null::text as statut
      from generate_series(1, ${n}) g
      join dmo d on d.k = 1 + floor(pg_temp.u(g, 41) * ${m})::int
      join bloc b on b.code = d.code`);
  await x(`update cv set statut = case
      when demande_statut = 'complete' then
        case when u3 < 0.34 then 'deposee' when u3 < 0.60 then 'en_instruction' when u3 < 0.65 then 'transmise_bailleur'
             when u3 < 0.85 then 'non_retenue' else 'annulee' end
      when motif_cloture = 'attribution' and u3 < 0.25 then 'attribuee'
      else case when u3 < 0.55 then 'cloturee' when u3 < 0.75 then 'annulee' else 'non_retenue' end end`);
  // The database's rules: one open candidature per demandeur and offer; R-LIMIT-CL (5 classique); R-LIMIT-ID (1 courte_duree identifie).
  await x(`update cv set statut = 'annulee' from (
      select cv.g, row_number() over (partition by cv.demandeur_id, cv.offre_id order by cv.g) as doublon,
             row_number() over (partition by cv.demandeur_id, o.nature = 'classique', o.nature = 'courte_duree' and o.forme = 'identifie' order by cv.g) as rang,
             o.nature, o.forme
        from cv join offre o on o.id = cv.offre_id where cv.statut in ${OUVERTS}) t
    where cv.g = t.g and (t.doublon > 1 or (t.nature = 'classique' and t.rang > 5) or (t.nature = 'courte_duree' and t.forme = 'identifie' and t.rang > 1))`);
  await x(`create temp table aggp as
    select j.demande_id,
           bit_or(als_piece_bit(j.type, j.titulaire)) filter (where als_piece_deposee(j.statut, j.date_validite_fin, ?::timestamptz)) as deposees,
           bool_or(j.type = 'justificatif_situation' and j.titulaire = 'demandeur' and j.statut = 'valide'
                   and not als_piece_expiree(j.statut, j.date_validite_fin, ?::timestamptz)) as situation_validee
      from justificatif j where j.actif group by j.demande_id`, [now, now]);
  await x(`create index on aggp (demande_id)`);
  await x(`analyze aggp`);
  await x(`insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine,
      agent_en_charge_id, prise_en_charge_le, motif, canal, designee_le, cloture_le, version, palier, created_at, updated_at)
    select 'CAN-V-' || lpad(cv.g::text, 7, '0'), cv.demande_id, cv.demandeur_id, cv.offre_id, o.departement, o.nature, cv.statut, t.date_c,
           case when cv.u6 < 0.05 then 'proposition' else 'portail' end,
           case when t.tenue then a.ids[1 + floor(cv.u5 * cardinality(a.ids))::int] end,
           case when t.tenue then least(pg_temp.maintenant(), t.date_c + t.delai) end,
           case cv.statut
             when 'non_retenue' then (array['Dossier incomplet à la date de la commission', 'Typologie inadaptée à la composition du foyer déclarée',
                                            'Ressources supérieures au plafond de l’offre', 'Logement attribué à un candidat mieux classé'])[1 + floor(cv.u5 * 4)::int]
             when 'annulee' then 'Annulation à la demande du demandeur'
             when 'cloturee' then 'Clôture de la demande' end,
           case when cv.statut = 'annulee' then (array['telephone', 'courriel', 'reclamation'])[1 + floor(cv.u6 * 3)::int] end,
           case when cv.statut in ('transmise_bailleur', 'attribuee') then least(pg_temp.maintenant(), t.date_c + t.delai * 3) end,
           case when cv.statut in ('attribuee', 'non_retenue', 'annulee', 'cloturee') then least(?::timestamptz, coalesce(cv.cloture_le, t.date_c + t.delai * 5)) end,
           1 + (cv.statut <> 'deposee')::int,
           als_palier(o.nature, o.reglementation, coalesce(jsonb_typeof(d.codemandeur) <> 'null', false), d.situations_prioritaires, d.public_cible,
                      d.accompagne_service_salaries_en_difficulte, p.deposees, p.situation_validee),
           t.date_c, least(?::timestamptz, t.date_c + t.delai * 5)
      from cv
      join offre o on o.id = cv.offre_id
      join demande d on d.id = cv.demande_id
      join dep_agents a on a.code = cv.code
      left join aggp p on p.demande_id = cv.demande_id
      cross join lateral (
        select greatest(cv.created_at + interval '1 day',
                        coalesce(cv.cloture_le, ?::timestamptz) - floor(power(cv.u4, case when cv.statut = 'deposee' then 2.5 else 1.2 end) * 300 * 86400) * interval '1 second') as date_c,
               (1 + floor(cv.u5 * 10)) * interval '1 day' + floor(cv.u6 * 36000) * interval '1 second' as delai,
               (cv.statut = 'en_instruction' and cv.u5 < 0.76) or cv.statut in ('transmise_bailleur', 'attribuee', 'non_retenue')
               or (cv.statut = 'annulee' and cv.u5 < 0.4) as tenue) t
     order by cv.g`, [now, now, now]);
  const [{ ouvertes }] = await x<{ ouvertes: number }>(`select count(*)::int ouvertes from cv where statut in ${OUVERTS}`);
  v.log(`candidatures : ${n} dont ${ouvertes} ouvertes`);
  // The rank at designation, as the designation stores it (read by the designation export). Its
  // subquery needs an index on the offer's candidatures in R-RANK's order: the load has dropped
  // them (index.ts), and without one it scanned all 1 000 000 rows per designated candidature.
  await x(`create index seed_volume_rang_tmp on candidature (offre_id, palier, date_candidature, id) include (cloture_le)`);
  await x(`analyze candidature`);
  await x(`update candidature c set rang_designation = ${RANG_A_LA_DESIGNATION} where c.reference like 'CAN-V-%' and c.designee_le is not null`);
  await x(`drop index seed_volume_rang_tmp`);
  // The designation events the export reads (agent of the `designer` event).
  await x(`insert into audit_event (at, acteur_type, acteur_id, action, entite, entite_id, de, vers)
    select c.designee_le, 'agent', c.agent_en_charge_id, 'designer', 'candidature', c.id, 'en_instruction', 'transmise_bailleur'
      from candidature c where c.reference like 'CAN-V-%' and c.designee_le is not null`);
  // Suspensions of the demandeurs whose demande was closed for fraud or incivility (some still running).
  await x(`insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, cree_par_id, created_at)
    select d.demandeur_id, d.motif_cloture, d.cloture_le, d.cloture_le + m.mois * interval '1 month', m.mois,
           case when d.motif_cloture = 'fraude' then 'Faux avis d’imposition' else 'Propos injurieux répétés envers un conseiller' end,
           (select id from agent where role = 'controle_fraude' order by id limit 1), d.cloture_le
      from demande d cross join lateral (select (array[6, 12, 24, 60])[1 + floor(pg_temp.u(d.id, 51) * 4)::int] as mois) m
     where d.reference like 'DEM-V-%' and d.motif_cloture in ('fraude', 'incivilite')`);
}
