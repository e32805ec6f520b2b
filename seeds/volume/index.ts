/**
 * `npm run seed:volume`: the national volume (defaults 200 000 demandeurs and demandes,
 * 1 000 000 candidatures, 20 000 offres, about 3 000 000 justificatifs) on top of the demo seed,
 * in one transaction of set-based SQL (generate_series, insert … select; a hash of the row number
 * stands for randomness, so two runs give the same rows). Secondary indexes of the big tables are
 * dropped during the load and rebuilt after it; then VACUUM ANALYZE, so that plans and
 * index-only scans are those of a database in service.
 */
import type pg from 'pg';
import { palierCandidature } from '@shared/rules/classement';
import type { JustificatifRules } from '@shared/domain/types';
import { candidatures } from './candidatures';
import { demandes, demandeurs, justificatifs } from './population';
import { offres, referentiels } from './referentiels';
import { numeroter, type Volume } from './sql';

export interface OptionsVolume {
  demandeurs: number;
  candidatures: number;
  offres: number;
  justificatifs: number;
  now: Date;
  log: (s: string) => void;
}

export const DEFAUTS = { demandeurs: 200_000, candidatures: 1_000_000, offres: 20_000, justificatifs: 3_000_000 };
const GROSSES_TABLES = ['demandeur', 'demande', 'candidature', 'justificatif', 'audit_event'];
/** Indexes the load itself reads (kept during it). */
const GARDES = ['justificatif_demande_id_type_titulaire_index', 'demande_demandeur_id_index'];

export async function seedVolume(client: pg.Client, o: OptionsVolume): Promise<Record<string, number>> {
  const x = async <R,>(sql: string, params: unknown[] = []) => (await client.query(numeroter(sql), params)).rows as R[];
  const v: Volume = { x, client, ...o };
  const debut = performance.now();
  const etape = (s: string) => o.log(`seed:volume: ${s} (${((performance.now() - debut) / 1000).toFixed(1)} s)`);
  if ((await x<{ n: boolean }>(`select exists (select 1 from offre where reference like 'OFF-V-%') as n`))[0].n) {
    throw new Error('Cette base contient déjà le volume (offres OFF-V-…) : utilisez une base vide.');
  }
  await x('begin');
  try {
    await x(`set local work_mem = '256MB'`);
    await x(`set local maintenance_work_mem = '1GB'`);
    await x(`create function pg_temp.u(i bigint, s int) returns float8 language sql immutable as
      $$ select (hashint8(i * 1000003 + s) & 2147483647)::float8 / 2147483648.0 $$`);
    await x(`create function pg_temp.maintenant() returns timestamptz language sql immutable as $$ select '${o.now.toISOString()}'::timestamptz $$`);
    const index = await x<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = any(?)
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname) and indexname <> all(?)`,
      [GROSSES_TABLES, GARDES]);
    for (const i of index) await x(`drop index "${i.indexname}"`);
    etape(`${index.length} index secondaires retirés le temps du chargement`);
    await referentiels(v);
    await offres(v);
    etape('référentiels et offres');
    await demandeurs(v);
    await demandes(v);
    etape('demandeurs et demandes');
    // The stored territories' triggers (demande, demandeur and justificatif departements) are off during
    // the bulk load (one trigger call per demande, 3 000 000 pieces updated twice), then filled once, set-based.
    for (const [table, trigger] of TRIGGERS_TERRITOIRES) await x(`alter table ${table} disable trigger ${trigger}`);
    await justificatifs(v);
    etape('justificatifs');
    await candidatures(v);
    etape('candidatures');
    await territoiresStockes(v);
    for (const [table, trigger] of TRIGGERS_TERRITOIRES) await x(`alter table ${table} enable trigger ${trigger}`);
    etape('territoires stockés (demandes, demandeurs, justificatifs)');
    for (const i of index) await x(i.indexdef);
    etape(`${index.length} index reconstruits`);
    await verifierPaliers(v);
    await x('commit');
  } catch (e) {
    await x('rollback');
    throw e;
  }
  for (const t of ['offre', 'programme', ...GROSSES_TABLES, 'suspension', 'agent']) await x(`vacuum (analyze) ${t}`);
  etape('vacuum analyze');
  const comptes: Record<string, number> = {};
  for (const t of ['offre', 'demandeur', 'demande', 'candidature', 'justificatif']) {
    comptes[t] = Number((await x<{ n: number }>(`select count(*)::int n from ${t}`))[0].n);
  }
  return comptes;
}

/**
 * The triggers that keep the stored territories (migrations …_territoires_stockes and
 * …_territoires_justificatifs); the seed turns them off in its transaction and fills the columns
 * with `territoiresStockes`, which gives what they give (seeds/volume/volume.test.ts compares).
 */
export const TRIGGERS_TERRITOIRES: readonly [table: string, trigger: string][] = [
  ['candidature', 'candidature_departements_insert'],
  ['demande', 'demande_departements_pieces'],
  ['justificatif', 'justificatif_departements'],
];

/** `departements` of every demande and demandeur (those of their candidatures), then of every piece (its demande's), set-based. */
export async function territoiresStockes(v: Pick<Volume, 'x'>) {
  const deps = (col: string) => `select ${col} as id, array_agg(distinct departement::text order by departement::text) as deps from candidature group by ${col}`;
  await v.x(`update demande d set departements = coalesce(x.deps, '{}') from demande d0 left join (${deps('demande_id')}) x on x.id = d0.id
    where d.id = d0.id and d.departements is distinct from coalesce(x.deps, '{}')`);
  await v.x(`update demandeur dr set departements = coalesce(x.deps, '{}') from demandeur d0 left join (${deps('demandeur_id')}) x on x.id = d0.id
    where dr.id = d0.id and dr.departements is distinct from coalesce(x.deps, '{}')`);
  await v.x(`update justificatif j set departements = d.departements from demande d
    where d.id = j.demande_id and j.departements is distinct from d.departements`);
}

/** The stored palier of 500 sampled open candidatures equals the shared rule's (palierCandidature). */
async function verifierPaliers(v: Volume) {
  const rows = await v.x<{ id: number; palier: number; demande_id: number; nature: 'classique'; reglementation: 'plus'; codemandeur: unknown;
    situations_prioritaires: never[]; public_cible: 'peec'; accompagne: boolean; date_candidature: Date }>(
    `select c.id, c.palier, c.demande_id, o.nature, o.reglementation, d.codemandeur, d.situations_prioritaires, d.public_cible,
            d.accompagne_service_salaries_en_difficulte as accompagne, c.date_candidature
       from candidature c join offre o on o.id = c.offre_id join demande d on d.id = c.demande_id
      where c.reference like 'CAN-V-%' and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur') and c.id % 997 = 0 limit 500`);
  const pieces = await v.x<JustificatifRules & { demandeId: number }>(
    `select id, demande_id as "demandeId", titulaire, type, statut, to_char(date_validite_fin, 'YYYY-MM-DD') as "dateValiditeFin"
       from justificatif where actif and demande_id = any(?::int[])`, [`{${rows.map((r) => r.demande_id).join(',')}}`]);
  let ecarts = 0;
  for (const r of rows) {
    const attendu = palierCandidature({ nature: r.nature, reglementation: r.reglementation }, {
      candidature: { id: r.id, statut: 'deposee', dateCandidature: r.date_candidature },
      demande: { codemandeur: r.codemandeur !== null, situationsPrioritaires: r.situations_prioritaires, publicCible: r.public_cible, accompagneServiceSalariesEnDifficulte: r.accompagne },
      justificatifs: pieces.filter((p) => p.demandeId === r.demande_id),
    }, v.now);
    if (attendu !== r.palier) ecarts++;
  }
  if (ecarts > 0) throw new Error(`${ecarts} paliers sur ${rows.length} diffèrent de palierCandidature`);
  v.log(`seed:volume: paliers vérifiés avec palierCandidature sur ${rows.length} candidatures ouvertes`);
}
