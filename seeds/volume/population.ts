/**
 * Volume seed, second part: demandeurs (French names with accents, unique e-mails, phones), one
 * demande each (statuses, households, publics and situations close to the demo seed), then their
 * pieces: the ones a household of that kind deposits, with demo-like statuses, validity ends and
 * older replaced versions (`actif = false`) up to the requested total.
 */
import { NOMS, PRENOMS_F, PRENOMS_M } from '../noms';
import type { Volume } from './sql';

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
const tableau = (xs: readonly string[]) => `{${xs.map((s) => `"${s}"`).join(',')}}`;

export async function demandeurs(v: Volume) {
  const { x, now } = v;
  const deja = Number((await x<{ n: number }>(`select count(*)::int n from demandeur`))[0].n);
  const n = Math.max(0, v.demandeurs - deja);
  await x(`create temp table noms as select ?::text[] nom, ?::text[] nom_a, ?::text[] pf, ?::text[] pf_a, ?::text[] pm, ?::text[] pm_a`, [
    tableau(NOMS), tableau(NOMS.map(ascii)), tableau(PRENOMS_F), tableau(PRENOMS_F.map(ascii)), tableau(PRENOMS_M), tableau(PRENOMS_M.map(ascii)),
  ]);
  await x(`create temp table dr_src as
    select g, pg_temp.u(g, 11) u_dep, pg_temp.u(g, 12) u_nom, pg_temp.u(g, 13) u_pre, pg_temp.u(g, 14) u_civ, pg_temp.u(g, 15) u5, pg_temp.u(g, 16) u6
      from generate_series(1, ${n}) g`);
  const [{ hash }] = await x<{ hash: string }>(`select coalesce((select password_hash from demandeur where password_hash is not null order by id limit 1), '') as hash`);
  await x(`insert into demandeur (civilite, nom, prenom, email, date_naissance, telephone, statut_compte, password_hash, email_verifie_le,
      cgu_version_acceptee, derniere_connexion, created_at)
    select t.civ, t.nom, t.prenom, t.prenom_a || '.' || t.nom_a || '.v' || s.g || '@exemple.fr',
           date '1960-01-01' + floor(s.u5 * 16000)::int,
           case when s.u6 < 0.95 then (case when s.u6 < 0.6 then '06' else '07' end) || lpad(floor(s.u_nom * 1e8)::bigint::text, 8, '0') end,
           case when s.u5 < 0.97 then 'actif' when s.u5 < 0.99 then 'a_verifier' else 'ferme' end,
           nullif(?, ''), case when s.u5 < 0.97 then ?::timestamptz - (30 + floor(s.u6 * 600)) * interval '1 day' end,
           case when s.u5 < 0.97 then '2025-09' end,
           case when s.u5 < 0.97 then ?::timestamptz - floor(s.u_pre * s.u_pre * 200 * 86400) * interval '1 second' end,
           ?::timestamptz - (30 + floor(s.u6 * 600)) * interval '1 day' - interval '1 hour'
      from dr_src s, noms
      cross join lateral (
        select case when s.u_civ < 0.52 then 'Mme' else 'M' end as civ,
               noms.nom[1 + floor(s.u_nom * cardinality(noms.nom))::int] as nom, noms.nom_a[1 + floor(s.u_nom * cardinality(noms.nom))::int] as nom_a,
               case when s.u_civ < 0.52 then noms.pf[1 + floor(s.u_pre * cardinality(noms.pf))::int] else noms.pm[1 + floor(s.u_pre * cardinality(noms.pm))::int] end as prenom,
               case when s.u_civ < 0.52 then noms.pf_a[1 + floor(s.u_pre * cardinality(noms.pf))::int] else noms.pm_a[1 + floor(s.u_pre * cardinality(noms.pm))::int] end as prenom_a) t
     order by s.g`, [hash, now, now, now]);
}

export async function demandes(v: Volume) {
  const { x, now } = v;
  await x(`create temp table dm_src as
    select dr.id as demandeur_id, dr.created_at, d.code, pg_temp.u(dr.id, 21) u1, pg_temp.u(dr.id, 22) u2, pg_temp.u(dr.id, 23) u3, pg_temp.u(dr.id, 24) u4,
           pg_temp.u(dr.id, 25) u5, pg_temp.u(dr.id, 26) u6
      from demandeur dr join dep d on pg_temp.u(dr.id, 20) >= d.lo and pg_temp.u(dr.id, 20) < d.hi
     where not exists (select 1 from demande x where x.demandeur_id = dr.id)`);
  await x(`insert into demande (reference, demandeur_id, statut, motif_cloture, cloture_le, nombre_personnes, codemandeur, revenu_fiscal_reference, public_cible,
      entreprise_id, lieu_travail_code_postal, lieu_travail_commune, commune_logement_actuel, secteurs_recherche, situations_prioritaires,
      accompagne_service_salaries_en_difficulte, controle_renforce, derniere_mise_ajour, created_at)
    select 'DEM-V-' || lpad(s.demandeur_id::text, 7, '0'), s.demandeur_id, t.statut,
           case when t.statut = 'cloturee' then (array['inactivite', 'inactivite', 'attribution', 'agent', 'agent', 'fermeture_compte', 'fraude', 'incivilite'])[1 + floor(s.u2 * 8)::int] end,
           case when t.statut = 'cloturee' then ?::timestamptz - floor(s.u3 * 200) * interval '1 day' end,
           t.personnes,
           case when t.personnes > 1 and s.u4 < 0.7 then jsonb_build_object('nom', 'Co', 'prenom', 'Demandeur', 'civilite', 'M', 'dateNaissance', '1985-05-05') end,
           12000 + floor(s.u5 * 48000)::int, t.public_cible,
           case when t.public_cible in ('peec', 'peaec', 'pseec') then e.ids[1 + floor(s.u6 * cardinality(e.ids))::int] end,
           c.code_postal, c.nom, c.nom,
           jsonb_build_array(jsonb_build_object('commune', c.nom, 'rayonKm', 10 + 10 * floor(s.u3 * 3)::int, 'codeInsee', c.code_insee)),
           case when s.u6 < 0.8 then '{}'::text[]
                else array[(array['sans_domicile', 'fin_hebergement', 'violences_familiales', 'hotel', 'mobilite_professionnelle', 'acces_emploi'])[1 + floor(s.u2 * 6)::int]] end,
           s.u4 < 0.05, s.u5 > 0.99,
           greatest(s.created_at, ?::timestamptz - floor(s.u3 * s.u3 * 240 * 86400) * interval '1 second'), s.created_at
      from dm_src s
      cross join (select array_agg(id order by id) ids from entreprise) e
      join dep_nb nb on nb.code = s.code
      join dep_commune c on c.code = s.code and c.n = 1 + floor(s.u2 * nb.nb)::int
      cross join lateral (
        select case when s.u1 < 0.02 then 'brouillon' when s.u1 < 0.14 then 'cloturee' else 'complete' end as statut,
               1 + floor(s.u4 * s.u4 * 6)::int as personnes,
               case when s.u5 < 0.45 then 'peec' when s.u5 < 0.55 then 'peaec' when s.u5 < 0.65 then 'pseec' when s.u5 < 0.75 then 'dalo'
                    when s.u5 < 0.80 then 'daho' when s.u5 < 0.95 then 'peec' else 'hors_public_cible' end as public_cible) t
     order by s.demandeur_id`, [now, now]);
}

/** The (type, titulaire) pairs a household deposits, with the probability that it did. */
const PAIRES = `(values
  (1, 'identite', 'demandeur', 0.97, 'tous'), (2, 'ressources', 'demandeur', 0.96, 'tous'), (3, 'avis_imposition', 'demandeur', 0.95, 'tous'),
  (4, 'identite', 'codemandeur', 0.95, 'co'), (5, 'ressources', 'codemandeur', 0.93, 'co'), (6, 'avis_imposition', 'codemandeur', 0.93, 'co'),
  (7, 'justificatif_domicile', 'demandeur', 0.9, 'domicile'), (8, 'attestation_hebergement', 'demandeur', 0.9, 'hebergement'),
  (9, 'attestation_employeur', 'demandeur', 0.85, 'tous'), (10, 'attestation_employeur', 'codemandeur', 0.8, 'co'),
  (11, 'bulletin_salaire', 'demandeur', 0.7, 'tous'), (12, 'bulletin_salaire', 'codemandeur', 0.6, 'co'),
  (13, 'justificatif_situation', 'demandeur', 0.9, 'situation'), (14, 'reconnaissance_dalo_daho', 'demandeur', 0.9, 'dalo')
) as p(n, type, titulaire, proba, quand)`;

export async function justificatifs(v: Volume) {
  const { x, now } = v;
  await x(`create temp table jp as
    select row_number() over (order by d.id, p.type, p.titulaire) as k, d.id as demande_id, d.created_at, d.statut as demande_statut, d.demandeur_id,
           p.type, p.titulaire, pg_temp.u(d.id * 16 + p.n, 31) as u1,
           pg_temp.u(d.id * 16 + p.n, 32) as u2,
           dep.code
      from demande d join dep on pg_temp.u(d.demandeur_id, 20) >= dep.lo and pg_temp.u(d.demandeur_id, 20) < dep.hi
      cross join ${PAIRES}
     where d.reference like 'DEM-V-%'
       and pg_temp.u(d.id * 16 + p.n, 30) < p.proba * case when d.statut = 'brouillon' then 0.5 else 1 end
       and case p.quand
             when 'tous' then true
             when 'co' then d.codemandeur is not null
             when 'domicile' then not (d.situations_prioritaires && array['sans_domicile', 'hotel', 'fin_hebergement'])
             when 'hebergement' then 'fin_hebergement' = any(d.situations_prioritaires) and not (d.situations_prioritaires && array['sans_domicile', 'hotel'])
             when 'situation' then cardinality(d.situations_prioritaires) > 0
             when 'dalo' then d.public_cible in ('dalo', 'daho')
           end`);
  const [{ actifs }] = await x<{ actifs: number }>(`select count(*)::int as actifs from jp`);
  // Older replaced versions: floor(r + u) per piece, r chosen to reach the requested total.
  const r = Math.max(0, v.justificatifs / Math.max(1, actifs) - 1);
  v.log(`justificatifs : ${actifs} actifs, environ ${Math.round(r * actifs)} anciennes versions`);
  const commun = (actif: boolean) => `
    select j.demande_id, j.titulaire, j.type, s.statut,
           case when s.statut = 'refuse' then 'Document illisible ou incomplet' end,
           case when j.type = 'identite' then (case when j.u2 < 0.03 then ?::date - floor(j.u1 * 60)::int else ?::date + 200 + floor(j.u1 * 3000)::int end)
                when j.type in ('justificatif_situation', 'reconnaissance_dalo_daho') and j.u2 < 0.5 then ?::date + floor(j.u1 * 400)::int - 20 end,
           encode(sha256(convert_to('volume:' || j.k || ':' || ${actif ? "'a'" : 'jr.gs'}, 'UTF8')), 'hex'),
           20000 + floor(j.u1 * 900000)::int,
           case when j.u2 < 0.8 then 'application/pdf' else 'image/jpeg' end,
           replace(j.type, '_', '-') || case when j.u2 < 0.8 then '.pdf' else '.jpg' end,
           ${actif ? 'o.id' : 'null'}, ${actif},
           case when s.statut in ('valide', 'refuse', 'falsifie') then a.ids[1 + floor(j.u2 * cardinality(a.ids))::int] end,
           case when s.statut in ('valide', 'refuse', 'falsifie') then s.depose_le + (1 + floor(j.u2 * 10)) * interval '1 day' end,
           case when s.statut = 'falsifie' then 'Incohérences typographiques relevées sur le document' end,
           s.depose_le
      from jp j join dep_agents a on a.code = j.code`;
  const colonnes = `(demande_id, titulaire, type, statut, motif_refus, date_validite_fin, sha256, taille, mime, nom_original, remplace, actif,
      verifie_par_id, verifie_le, motif_falsification, depose_le)`;
  // Older versions first (their ids are lower), then the active pieces pointing at the newest of them.
  await x(`create temp table jr as select k, gs from jp cross join generate_series(1, ${Math.ceil(r)}) gs where gs <= floor(${r} + pg_temp.u(k, 33))`);
  await x(`create temp table jr_id (demande_id int, type text, titulaire text, id int)`);
  await x(`with ins as (insert into justificatif ${colonnes} ${commun(false).replace('from jp j', 'from jp j join jr using (k)')}
      cross join lateral (select (array['refuse', 'expire', 'valide', 'refuse'])[1 + floor(pg_temp.u(j.k * 4 + jr.gs, 34) * 4)::int] as statut,
                                 j.created_at + floor((j.u2 + jr.gs) * 10 * 86400) * interval '1 second' as depose_le) s
     order by j.k, jr.gs returning demande_id, type, titulaire, id)
    insert into jr_id select demande_id, type, titulaire, max(id) from ins group by 1, 2, 3`, [now, now, now]);
  await x(`create index on jr_id (demande_id, type, titulaire)`);
  await x(`insert into justificatif ${colonnes} ${commun(true)}
      left join jr_id o on o.demande_id = j.demande_id and o.type = j.type and o.titulaire = j.titulaire
      cross join lateral (select case when j.u1 < 0.62 then 'valide' when j.u1 < 0.92 then 'depose' when j.u1 < 0.96 then 'refuse'
                                      when j.u1 < 0.995 then 'expire' else 'falsifie' end as statut,
                                 least(?::timestamptz - interval '1 hour', j.created_at + (41 + floor(j.u2 * 60)) * interval '1 day' + floor(j.u1 * 86400) * interval '1 second') as depose_le) s
     order by j.k`, [now, now, now, now]);
}
