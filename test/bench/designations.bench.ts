/**
 * Benchmark of the bailleur designations export (not part of npm test):
 *   npx tsx test/bench/designations.bench.ts [rows=100000]
 * 1. a dedicated database (als_bench_<pid>, on DATABASE_URL's server or an embedded one), migrated,
 *    with N designated candidatures bulk-inserted by generate_series (1 000 offers of one bailleur,
 *    N demandeurs/demandes, the `designer` audit events);
 * 2. each variant runs in its own child process, which reports its wall time, its maxRSS
 *    (getrusage) and the peak of process.memoryUsage().rss sampled every 50 ms:
 *    - "export": executerExport (server-side cursor → streaming XLSX), the real code path;
 *    - "exceljs nu": bare exceljs WorkbookWriter writing the same N rows × same columns, no DB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '@server/db/database';
import { ormConfig } from '@server/db/mikro-orm.config';
import { RANG_A_LA_DESIGNATION } from '@server/modules/candidatures/rangDesignation';
import { COLONNES_DESIGNATIONS, SQL_DESIGNATIONS } from '@server/modules/exports/designations';
import { executerExport } from '@server/modules/exports/executer';
import { LocalStorage } from '@server/storage/local';
import { dropDatabase, recreateDatabase, testServer, withDatabase } from '@test/support/testDatabase';

const ici = fileURLToPath(import.meta.url);

interface Mesure {
  variante: string;
  ms: number;
  maxRssMo: number;
  picRssMo: number;
  lignes: number;
  octets: number;
  /** RSS when the work starts (node, tsx, the code loaded): what the work itself adds is the peak minus this. */
  departRssMo: number;
  /** What the RSS held at its peak (V8 heap used / reserved, external memory, Buffers). */
  auPicMo: { tas: number; tasTotal: number; externe: number; tampons: number };
}

/** Child side: peak RSS sampled every 50 ms, plus getrusage's maxRSS at the end. */
async function mesurer(variante: string, travail: () => Promise<{ lignes: number; fichier: string }>): Promise<Mesure> {
  let pic = process.memoryUsage().rss;
  const depart = pic;
  let auPic = process.memoryUsage();
  const t = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > pic) [pic, auPic] = [m.rss, m];
  }, 50);
  // BENCH_GC=1: every second a full GC, then the heap still in use (what is retained, not garbage).
  const gc = (globalThis as { gc?: () => void }).gc;
  let vivantMax = 0;
  const g = gc ? setInterval(() => { gc(); vivantMax = Math.max(vivantMax, process.memoryUsage().heapUsed); }, 1000) : undefined;
  const debut = performance.now();
  const r = await travail();
  const ms = performance.now() - debut;
  clearInterval(t);
  if (g) clearInterval(g);
  if (gc) console.error(`tas vivant max après GC : ${Math.round(vivantMax / 1048576)} Mo`);
  pic = Math.max(pic, process.memoryUsage().rss);
  return {
    variante, ms: Math.round(ms), maxRssMo: Math.round(process.resourceUsage().maxRSS / 1024), picRssMo: Math.round(pic / 1048576),
    lignes: r.lignes, octets: statSync(r.fichier).size,
    departRssMo: Math.round(depart / 1048576),
    auPicMo: { tas: Math.round(auPic.heapUsed / 1048576), tasTotal: Math.round(auPic.heapTotal / 1048576), externe: Math.round(auPic.external / 1048576), tampons: Math.round(auPic.arrayBuffers / 1048576) },
  };
}

async function enfant(args: string[]) {
  const [variante, a, b, c] = args;
  let m: Mesure;
  if (variante === 'export') {
    const orm = await MikroORM.init(ormConfig(a, { pool: { min: 0, max: 4 } }));
    m = await mesurer('export (curseur + exceljs streaming)', async () => {
      const r = await executerExport(orm.em.fork(), Number(b), new Date(), new LocalStorage(c));
      if (r.statut !== 'termine') throw new Error(`export ${r.statut}: ${r.erreur}`);
      return { lignes: r.lignes!, fichier: path.join(c, r.fichier!) };
    });
    await orm.close(true);
  } else {
    const n = Number(a);
    m = await mesurer('exceljs nu (sans base)', async () => {
      const fichier = path.join(b, 'nu.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: fichier, useStyles: true, useSharedStrings: false });
      const ws = wb.addWorksheet('Désignations');
      ws.columns = COLONNES_DESIGNATIONS.map((col) => ({ width: col.largeur, style: col.format ? { numFmt: col.format } : {} }));
      ws.addRow(COLONNES_DESIGNATIONS.map((col) => col.entete)).commit();
      const base = Date.UTC(2026, 0, 1);
      for (let g = 1; g <= n; g++) {
        ws.addRow([
          `CAN-B-${g}`, `DEM-B-${g}`, `OFF-B-${1 + (g % 1000)}`, `Résidence ${1 + (g % 1000)}`, 'T3', 'Lyon', 1 + (g % 100), 1 + (g % 3),
          g % 2 ? 'Mme' : 'M.', `Nom${g}`, `Prenom${g}`, new Date(base - g * 86_400_000), g % 3 ? null : 'M.', g % 3 ? null : `Co${g}`,
          g % 3 ? null : `Paul${g}`, g % 3 ? null : new Date(base - g * 43_200_000), 1 + (g % 5), 15000 + ((g * 37) % 40000), 38000,
          'Sous le plafond', g % 7 ? 'Aucune' : 'Victime de violences familiales', `Entreprise ${1 + (g % 200)}`, String(g % 200).padStart(14, '0'),
          new Date(base + g * 60_000), 'Transmise au bailleur', 'Agent Bench',
        ]).commit();
      }
      ws.commit();
      await wb.commit();
      return { lignes: n, fichier };
    });
  }
  process.stdout.write(`\nMESURE ${JSON.stringify(m)}\n`);
}

async function peupler(orm: MikroORM, n: number) {
  const em = orm.em.fork();
  const x = (sql: string, p: unknown[] = []) => em.execute(sql, p);
  const [{ id: agent }] = await em.execute<{ id: number }[]>(
    `insert into agent (email, nom, prenom, role, password_hash) values ('bench@als.test', 'Bench', 'Agent', 'conseiller', 'x') returning id`);
  const [{ id: bailleur }] = await em.execute<{ id: number }[]>(`insert into bailleur (nom, siren, email) values ('Bailleur Bench', '123456789', 'b@bench.test') returning id`);
  const [{ id: programme }] = await em.execute<{ id: number }[]>(
    `insert into programme (nom, bailleur_id, commune, code_insee, code_postal, departement) values ('Programme bench', ?, 'Lyon', '69123', '69003', '69') returning id`, [bailleur]);
  await x(`insert into entreprise (siret, raison_sociale, contribution) select lpad(g::text, 14, '0'), 'Entreprise ' || g, 'peec' from generate_series(1, 200) g`);
  await x(
    `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, commune, code_insee, code_postal, departement, reglementation, plafonds)
     select 'OFF-B-' || g, 'Résidence ' || g, 'classique', 'identifie', ?, ?, (array['T1','T2','T3','T4'])[1 + g % 4], 'Lyon', '69123', '69003', '69',
            (array['plai','plus','pls','pli','libre'])[1 + g % 5], '{"1":24000,"2":32000,"3":38000,"4":45000}'
       from generate_series(1, 1000) g`, [bailleur, programme]);
  await x(
    `insert into demandeur (civilite, nom, prenom, email, date_naissance, statut_compte)
     select case when g % 2 = 0 then 'M' else 'Mme' end, 'Nom' || g, 'Prenom' || g, 'bench' || g || '@exemple.fr', date '1960-01-01' + (g % 15000), 'actif'
       from generate_series(1, ?) g`, [n]);
  await x(
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, codemandeur, revenu_fiscal_reference, public_cible, entreprise_id,
       secteurs_recherche, situations_prioritaires, derniere_mise_ajour)
     select 'DEM-B-' || p.id, p.id, 'complete', 1 + p.id % 5,
            case when p.id % 3 = 0 then jsonb_build_object('civilite', 'M', 'nom', 'Co' || p.id, 'prenom', 'Paul', 'dateNaissance', '1985-05-05') end,
            15000 + (p.id * 37) % 40000, 'peec', (select min(id) from entreprise) + p.id % 200, '[]',
            case when p.id % 7 = 0 then '{violences_familiales}'::text[] else '{}'::text[] end, now()
       from demandeur p where p.email like 'bench%'`);
  await x(
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, designee_le, palier, agent_en_charge_id)
     select 'CAN-B-' || d.id, d.id, d.demandeur_id, o0.min + d.id % 1000, '69', 'classique', 'transmise_bailleur',
            timestamptz '2026-01-01 08:00+01' + (d.id % 250000) * interval '1 minute',
            timestamptz '2026-01-01 08:00+01' + (d.id % 250000) * interval '1 minute' + (3 + d.id % 20) * interval '1 day', 1 + d.id % 3, ?
       from demande d, (select min(id) as min from offre) o0 where d.reference like 'DEM-B-%'`, [agent]);
  // The rank at designation, as the designation stores it.
  await x(`update candidature c set rang_designation = ${RANG_A_LA_DESIGNATION} where c.designee_le is not null`);
  await x(
    `insert into audit_event (at, acteur_type, acteur_id, action, entite, entite_id, de, vers)
     select designee_le, 'agent', ?, 'designer', 'candidature', id, 'en_instruction', 'transmise_bailleur' from candidature`, [agent]);
  await x('analyze');
  const [{ id: exportId }] = await em.execute<{ id: number }[]>(
    `insert into export (kind, params, destinataire, agent_id) values ('designations_bailleur', ?::jsonb, 'Bailleur Bench', ?) returning id`,
    [JSON.stringify({ bailleurId: bailleur, from: '2026-01-01', to: '2026-12-31' }), agent]);
  return exportId;
}

async function baseExiste(adminUrl: string, nom: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query('select 1 from pg_database where datname = $1', [nom])).rowCount === 1;
  } finally {
    await c.end();
  }
}

/** A fresh export row over the kept database's designations (the previous run's was executed). */
async function nouvelExport(orm: MikroORM) {
  const [{ id }] = await orm.em.fork().execute<{ id: number }[]>(
    `insert into export (kind, params, destinataire, agent_id)
     select kind, params, destinataire, agent_id from export where kind = 'designations_bailleur' order by id limit 1 returning id`);
  return id;
}

function lancer(args: string[]): Mesure {
  const gc = process.env.BENCH_GC === '1' ? ['--expose-gc'] : [];
  const r = spawnSync(process.execPath, [...gc, ...process.execArgv, ici, '--enfant', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (gc.length) process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`variante ${args[0]} : ${r.stderr}`);
  const ligne = r.stdout.split('\n').find((l) => l.startsWith('MESURE '));
  return JSON.parse(ligne!.slice(7)) as Mesure;
}

async function principal() {
  const n = Number(process.argv[2] ?? 100_000);
  const server = await testServer();
  // BENCH_GARDER=1 keeps the database (als_bench_<rows>) for the next run, which then skips the insertion.
  const garder = process.env.BENCH_GARDER === '1';
  const nom = garder ? `als_bench_${n}` : `als_bench_${process.pid}`;
  const existe = garder && (await baseExiste(server.adminUrl, nom));
  const url = existe ? withDatabase(server.adminUrl, nom) : await recreateDatabase(server.adminUrl, nom);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'als-bench-'));
  try {
    const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
    await migrate(orm);
    const t0 = performance.now();
    const exportId = existe ? await nouvelExport(orm) : await peupler(orm, n);
    if (!existe) console.log(`${n} candidatures désignées insérées en ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (process.env.BENCH_EXPLAIN) {
      // The cursor's query plan (EXPLAIN ANALYZE), to see where the database time goes.
      const plan = await orm.em.fork().execute<Record<string, string>[]>(
        `explain (analyze, buffers) ${SQL_DESIGNATIONS} order by c.designee_le, c.id`, [1, '2026-01-01', '2026-12-31']);
      console.log(plan.map((l) => Object.values(l)[0]).join('\n'));
    }
    await orm.close(true);
    const mesures = [lancer(['export', url, String(exportId), dataDir]), lancer(['nu', String(n), dataDir])];
    console.log(`\nExport des désignations d’un bailleur, ${n} lignes × ${COLONNES_DESIGNATIONS.length} colonnes (Node ${process.version}, ${os.cpus().length} cœurs)`);
    console.table(mesures.map((m) => ({
      variante: m.variante, 'durée (s)': (m.ms / 1000).toFixed(1), 'lignes/s': Math.round((m.lignes * 1000) / m.ms),
      'RSS au départ (Mo)': m.departRssMo, 'maxRSS (Mo)': m.maxRssMo, 'pic RSS échantillonné (Mo)': m.picRssMo,
      'au pic : tas / réservé / externe / tampons (Mo)': `${m.auPicMo.tas} / ${m.auPicMo.tasTotal} / ${m.auPicMo.externe} / ${m.auPicMo.tampons}`, lignes: m.lignes, 'fichier (Mo)': (m.octets / 1048576).toFixed(1),
    })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (!garder) await dropDatabase(server.adminUrl, nom);
    await server.stop();
  }
}

if (process.argv[2] === '--enfant') await enfant(process.argv.slice(3));
else await principal();
