/**
 * Volume seed, first part: départements and their weights, communes, bailleurs, programmes,
 * entreprises, one conseiller per new département, then the offers (contiguous id blocks per
 * département, so a candidature picks an offer of its demandeur's département by arithmetic).
 */
import type { Volume } from './sql';

/** Share of the national activity per département (sums to 1): the demo's four and eight more. */
export const DEPARTEMENTS: readonly { code: string; poids: number; communes: [insee: string, nom: string, cp: string, lat: number, lon: number][] }[] = [
  { code: '75', poids: 0.22, communes: [] },
  { code: '92', poids: 0.18, communes: [] },
  { code: '69', poids: 0.15, communes: [] },
  { code: '33', poids: 0.1, communes: [] },
  { code: '13', poids: 0.06, communes: [['13055', 'Marseille', '13001', 43.2965, 5.3698], ['13001', 'Aix-en-Provence', '13100', 43.5297, 5.4474]] },
  { code: '59', poids: 0.05, communes: [['59350', 'Lille', '59000', 50.6292, 3.0573], ['59512', 'Roubaix', '59100', 50.6942, 3.1746]] },
  { code: '31', poids: 0.05, communes: [['31555', 'Toulouse', '31000', 43.6047, 1.4442], ['31069', 'Blagnac', '31700', 43.6375, 1.3939]] },
  { code: '44', poids: 0.04, communes: [['44109', 'Nantes', '44000', 47.2184, -1.5536], ['44184', 'Saint-Nazaire', '44600', 47.2735, -2.2138]] },
  { code: '67', poids: 0.04, communes: [['67482', 'Strasbourg', '67000', 48.5734, 7.7521], ['67447', 'Schiltigheim', '67300', 48.6077, 7.7497]] },
  { code: '34', poids: 0.04, communes: [['34172', 'Montpellier', '34000', 43.6108, 3.8767], ['34301', 'Sète', '34200', 43.4028, 3.6966]] },
  { code: '06', poids: 0.03, communes: [['06088', 'Nice', '06000', 43.7102, 7.262], ['06004', 'Antibes', '06600', 43.5808, 7.1251]] },
  { code: '35', poids: 0.04, communes: [['35238', 'Rennes', '35000', 48.1173, -1.6778], ['35288', 'Saint-Malo', '35400', 48.6493, -2.0257]] },
];

export async function referentiels(v: Volume) {
  const { x, now } = v;
  let cumul = 0;
  const lignes = DEPARTEMENTS.map((d, k) => {
    const lo = cumul;
    cumul += d.poids;
    return `(${k + 1}, '${d.code}', ${lo}, ${k === DEPARTEMENTS.length - 1 ? 1.0000001 : cumul})`;
  });
  await x(`create temp table dep (k int primary key, code text, lo float8, hi float8)`);
  await x(`insert into dep values ${lignes.join(', ')}`);
  const communes = DEPARTEMENTS.flatMap((d) => d.communes.map((c) => `('${c[0]}', '${c[1].replace(/'/g, "''")}', '${c[2]}', '${d.code}', ${c[3]}, ${c[4]})`));
  await x(`insert into commune (code_insee, nom, code_postal, departement, latitude, longitude) values ${communes.join(', ')} on conflict do nothing`);
  await x(`create temp table dep_commune as
    select d.code, row_number() over (partition by d.code order by c.code_insee) as n, c.code_insee, c.nom, c.code_postal
      from dep d join commune c on c.departement = d.code`);
  await x(`create temp table dep_nb as select code, count(*)::int as nb from dep_commune group by code`);

  // One conseiller per new département (same demo password as thomas.petit: Conseiller7592!demo).
  await x(`insert into agent (email, nom, prenom, role, territoires, password_hash)
    select 'conseiller.' || d.code || '@als.test', 'Conseiller', 'Volume ' || d.code, 'conseiller', array[d.code], a.password_hash
      from dep d cross join (select password_hash from agent where email = 'thomas.petit@als.test') a
     where not exists (select 1 from agent g where g.role = 'conseiller' and d.code = any(g.territoires))
    on conflict (email) do nothing`);
  await x(`create temp table dep_agents as
    select d.code, array_agg(g.id order by g.id) as ids from dep d join agent g on g.role = 'conseiller' and g.actif and d.code = any(g.territoires) group by d.code`);

  await x(`insert into bailleur (nom, siren, email)
    select 'Bailleur social ' || g, lpad((800000000 + g)::text, 9, '0'), 'contact' || g || '@bailleur-volume.fr' from generate_series(1, 40) g
    on conflict (siren) do nothing`);
  await x(`insert into entreprise (siret, raison_sociale, contribution, droits_pseec_restants)
    select lpad((90000000000000 + g)::text, 14, '0'), 'Entreprise ' || g, (array['peec', 'peaec', 'pseec'])[1 + g % 3], case when g % 3 = 2 then 5 end
      from generate_series(1, 300) g on conflict (siret) do nothing`);

  const nbProgrammes = Math.max(DEPARTEMENTS.length, Math.ceil(v.offres / 10));
  await x(`create temp table prog_src as
    select g, d.code, c.code_insee, c.nom as commune, c.code_postal
      from generate_series(1, ${nbProgrammes}) g
      join dep d on (g - 0.5) / ${nbProgrammes} >= d.lo and (g - 0.5) / ${nbProgrammes} < d.hi
      join dep_nb nb on nb.code = d.code
      join dep_commune c on c.code = d.code and c.n = 1 + (g % nb.nb)`);
  await x(`with b as (select array_agg(id order by id) ids from bailleur)
    insert into programme (nom, bailleur_id, adresse, commune, code_insee, code_postal, departement, created_at)
    select 'Résidence ' || (array['Les Tilleuls', 'Le Parc', 'Les Jardins', 'Belvédère', 'Les Canuts', 'Le Carré', 'Les Terrasses', 'Horizon'])[1 + g % 8] || ' ' || g,
           b.ids[1 + g % cardinality(b.ids)], g || ' rue de la République', commune, code_insee, code_postal, code, ?::timestamptz - interval '2 years'
      from prog_src, b order by g`, [now]);
  await x(`create temp table dep_prog as select departement as code, array_agg(id order by id) ids from programme group by departement`);
}

/** The offers, in contiguous id blocks per département (table `bloc`: first id and size). */
export async function offres(v: Volume) {
  const { x, now } = v;
  const deja = Number((await x<{ n: number }>(`select count(*)::int n from offre`))[0].n);
  const n = Math.max(0, v.offres - deja);
  await x(`create temp table offre_src as
    select g, d.code, pg_temp.u(g, 1) u1, pg_temp.u(g, 2) u2, pg_temp.u(g, 3) u3, pg_temp.u(g, 4) u4, pg_temp.u(g, 5) u5
      from generate_series(1, ${n}) g join dep d on (g - 0.5) / ${n} >= d.lo and (g - 0.5) / ${n} < d.hi`);
  await x(`insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, surface_min, surface_max, loyer, loyer_min, loyer_max,
      commune, code_insee, code_postal, departement, reglementation, plafonds, nombre_logements, publiee, debut_publication, fin_publication, created_at, updated_at)
    select 'OFF-V-' || lpad(s.g::text, 6, '0'),
           t.typo || ' – ' || p.nom || ', ' || p.commune,
           t.nature, t.forme, p.bailleur_id, p.id, t.typo,
           case when t.forme = 'identifie' then t.surface end, case when t.forme = 'type' then t.surface - 4 end, case when t.forme = 'type' then t.surface + 6 end,
           case when t.forme = 'identifie' then round((t.surface * t.prix)::numeric, 2) end,
           case when t.forme = 'type' then round(((t.surface - 4) * t.prix)::numeric, 2) end, case when t.forme = 'type' then round(((t.surface + 6) * t.prix)::numeric, 2) end,
           p.commune, p.code_insee, p.code_postal, s.code, t.reglementation,
           jsonb_build_object('1', round(24316 * t.facteur), '2', round(32473 * t.facteur), '3', round(39051 * t.facteur),
                              '4', round(47144 * t.facteur), '5', round(55459 * t.facteur), '6', round(62501 * t.facteur)),
           case when t.forme = 'identifie' then 1 else 2 + floor(s.u4 * 14)::int end,
           s.u5 < 0.75,
           case when s.u5 < 0.9 then ?::timestamptz - (1 + floor(s.u4 * 120)) * interval '1 day' end,
           case when s.u5 < 0.75 then ?::timestamptz + (5 + floor(s.u3 * 90)) * interval '1 day'
                when s.u5 < 0.9 then ?::timestamptz - (1 + floor(s.u3 * 20)) * interval '1 day' end,
           ?::timestamptz - (130 + floor(s.u4 * 200)) * interval '1 day', ?::timestamptz - interval '1 day'
      from offre_src s
      join dep_prog dp on dp.code = s.code
      join programme p on p.id = dp.ids[1 + (s.g % cardinality(dp.ids))]
      cross join lateral (
        select nature, forme, typo, reglementation, facteur, surface, 6 + 14 * s.u3 as prix from (
          select case when s.u1 < 0.8 then 'classique' else 'courte_duree' end as nature,
                 case when s.u2 < 0.75 then 'identifie' else 'type' end as forme,
                 case when s.u1 >= 0.8 then (array['chambre', 'studio', 'T1', 'T2'])[1 + floor(s.u2 * 4)::int]
                      else (array['studio', 'T1', 'T2', 'T2', 'T3', 'T3', 'T4', 'T5'])[1 + floor(s.u3 * 8)::int] end as typo,
                 case when s.u1 < 0.8 then (array['plai', 'plus', 'plus', 'pls', 'pli', 'libre'])[1 + floor(s.u4 * 6)::int]
                      else (array['residence_temporaire', 'residence_temporaire', 'libre', 'pli'])[1 + floor(s.u4 * 4)::int] end as reglementation,
                 case when s.code in ('75', '92') then 1.03 else 0.8 end * (0.7 + s.u2) as facteur,
                 (18 + floor(s.u3 * 80))::numeric as surface) a) t
     order by s.g`, [now, now, now, now, now]);
  // Blocks of offers per département, in id order (the demo's offers stay out of the blocks).
  await x(`create temp table bloc as
    select departement as code, min(id) as premier, count(*)::int as taille from offre where reference like 'OFF-V-%' group by departement`);
}
