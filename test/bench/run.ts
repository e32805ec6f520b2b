/**
 * `npm run bench` (a tool, not a timed test): the cases of issue #19 against a real HTTP server of
 * the app (bin/start.ts in a child process, JOBS=0, on BENCH_PORT, default 3400), logged in as the
 * named demo agents, and in the same run the best raw SQL for the same rows (checked: same ids in
 * the same order). p50/p95/p99 per case, ratio API/SQL, goal reached or not; writes
 * test/bench/results.json and test/bench/RESULTATS.md (the table README shows).
 *
 *   DATABASE_URL=postgres://…/als_volume npm run bench -- [--iterations 200] [--warmup 20] [--budget 90] [--cas texte] [--explain 3] [--sans-jobs]
 *
 * The database is the one `npm run seed:volume` filled (DATABASE_URL, or the embedded one under
 * DATA_DIR/pg). --budget S (default 90): a case slower than S seconds for all its runs gets fewer
 * (at least --min, default 10). --explain N: EXPLAIN (ANALYZE, BUFFERS) of the SQL the API runs for the N slowest
 * cases, through auto_explain (PostgreSQL of the machine only: its log is read), under test/bench/explain/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '@server/db/database';
import { startServer } from '@test/e2e/server';
import { contexte, lesCas, type Cas, type Qui } from './cas';
import { expliquer } from './explain';
import { benchJobs } from './jobs';
import { charge, chronometrer, tableauMarkdown, type ResultatCas } from './mesure';

const ICI = path.dirname(new URL(import.meta.url).pathname);
const AGENTS: Record<Qui, { email: string; password: string }> = {
  conseiller: { email: 'thomas.petit@als.test', password: 'Conseiller7592!demo' },
  manager: { email: 'julien.moreau@als.test', password: 'Manager2026!demo' },
};

function options(argv: string[]) {
  const o = { iterations: 200, warmup: 20, budget: 90, min: 10, cas: '', explain: 0, etiquette: 'apres', jobs: true, sortie: ICI };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--iterations') o.iterations = Number(argv[++i]);
    else if (a === '--warmup') o.warmup = Number(argv[++i]);
    else if (a === '--budget') o.budget = Number(argv[++i]);
    else if (a === '--min') o.min = Number(argv[++i]);
    else if (a === '--cas') o.cas = argv[++i];
    else if (a === '--explain') o.explain = Number(argv[++i]);
    else if (a === '--etiquette') o.etiquette = argv[++i];
    else if (a === '--sans-jobs') o.jobs = false;
    else if (a === '--sortie') o.sortie = path.resolve(argv[++i]);
    else throw new Error(`Option inconnue : ${a}`);
  }
  return o;
}

async function connecter(base: string, qui: Qui): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(AGENTS[qui]) });
  if (!r.ok) throw new Error(`connexion de ${AGENTS[qui].email} : ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

async function main() {
  const o = options(process.argv.slice(2));
  const port = Number(process.env.BENCH_PORT ?? 3400);
  const dataDir = path.resolve(process.env.DATA_DIR ?? './.data');
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  const url = db.url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const chargeDebut = charge();
  const demarrer = async (p: number) => {
    const serveur = await startServer({ DATABASE_URL: url, JOBS: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, p);
    const tokens = { conseiller: await connecter(serveur.base, 'conseiller'), manager: await connecter(serveur.base, 'manager') };
    const appel = async (c: Cas) => {
      const r = await fetch(serveur.base + c.chemin, { headers: { authorization: `Bearer ${tokens[c.qui]}` } });
      const texte = await r.text();
      if (!r.ok) throw new Error(`${c.nom} : ${r.status} ${texte.slice(0, 300)}`);
      return texte;
    };
    return { appel, appeler: async (c: Cas) => void (await appel(c)), arreter: () => serveur.stop() };
  };
  const resultats: ResultatCas[] = [];
  const ctx = await contexte(client);
  const cas = lesCas(ctx).filter((c) => !o.cas || c.nom.includes(o.cas));
  const serveur = await demarrer(port);
  try {
    for (const c of cas) {
      const t = performance.now();
      const corps = JSON.parse(await serveur.appel(c)) as unknown;
      // A case slower than the budget allows gets fewer runs (at least 10): the « before » of a 20 s page.
      const duree = performance.now() - t;
      const n = Math.max(o.min, Math.min(o.iterations, Math.floor((o.budget * 1000) / Math.max(1, duree))));
      const w = Math.min(o.warmup, Math.ceil(n / 10));
      let memesLignes: boolean | null = null;
      if (c.sql && c.ids) {
        const attendu = (await client.query(c.sql.texte, c.sql.params)).rows.map((r) => Number(r.id));
        memesLignes = JSON.stringify(attendu) === JSON.stringify(c.ids(corps));
      }
      const api = await chronometrer(n, w, () => serveur.appel(c), c.avant ? () => client.query(c.avant!.texte, c.avant!.params) : undefined);
      const sql = c.sql ? await chronometrer(o.iterations, o.warmup, () => client.query(c.sql!.texte, c.sql!.params)) : null;
      const r: ResultatCas = {
        cas: c.nom, details: c.details, objectifP95: c.objectifP95, api, sql, memesLignes,
        ratio: sql ? Math.round((api.p50 / Math.max(0.1, sql.p50)) * 10) / 10 : null,
        atteint: c.objectifP95 == null ? null : api.p95 <= c.objectifP95,
      };
      resultats.push(r);
      console.log(`${c.nom.padEnd(48)} API p50 ${api.p50} p95 ${api.p95} p99 ${api.p99} ms | SQL p50 ${sql?.p50 ?? '—'} p95 ${sql?.p95 ?? '—'} ms | mêmes lignes ${memesLignes ?? '—'}`);
    }
  } finally {
    await serveur.arreter();
  }
  if (o.explain > 0) {
    const lents = [...resultats].sort((a, b) => b.api.p95 - a.api.p95).slice(0, o.explain).map((r) => cas.find((c) => c.nom === r.cas)!);
    await expliquer(client, url, lents, () => demarrer(port + 1), o.sortie, o.etiquette);
  }
  await client.end();
  await db.orm.close(true);
  const jobs = o.jobs ? await benchJobs(url) : [];
  await db.close();
  const sortie = {
    date: new Date().toISOString(),
    machine: { coeurs: os.cpus().length, node: process.version, chargeDebut, chargeFin: charge() },
    iterations: o.iterations, warmup: o.warmup, cas: resultats, jobs,
  };
  mkdirSync(o.sortie, { recursive: true });
  writeFileSync(path.join(o.sortie, 'results.json'), JSON.stringify(sortie, null, 2) + '\n');
  const md = `Mesuré le ${sortie.date.slice(0, 16).replace('T', ' ')} UTC, ${sortie.machine.coeurs} cœurs, ${o.iterations} requêtes par cas après ${o.warmup} d’échauffement, ` +
    `charge de la machine (load average 1 min) ${chargeDebut['1min']} au début, ${sortie.machine.chargeFin['1min']} à la fin.\n\n${tableauMarkdown(resultats)}\n` +
    (jobs.length ? `\n| tâche | durée | résumé |\n|---|---|---|\n${jobs.map((j) => `| ${j.nom} | ${(j.ms / 1000).toFixed(1)} s | ${j.resume} |`).join('\n')}\n` : '');
  writeFileSync(path.join(o.sortie, 'RESULTATS.md'), md);
  console.log('\n' + md);
  // The API and the best SQL must answer the same rows: otherwise one of them is wrong, whatever the times.
  const differents = resultats.filter((r) => r.memesLignes === false).map((r) => r.cas);
  if (differents.length) {
    console.error(`Lignes différentes entre l’API et le meilleur SQL : ${differents.join(' ; ')}`);
    process.exitCode = 1;
  }
}

await main();
