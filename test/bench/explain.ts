/**
 * EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL the API runs for some cases: auto_explain is set
 * on the database for new sessions, a fresh app server serves one request per case, and the plans
 * are read back from the PostgreSQL log (the machine's PostgreSQL, BENCH_PG_LOG or
 * /var/log/postgresql/postgresql-<major>-main.log), then the settings are reset.
 */
import { existsSync, mkdirSync, openSync, readSync, statSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Cas } from './cas';

export interface Serveur {
  appeler(c: Cas): Promise<void>;
  arreter(): Promise<void>;
}

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function lireDepuis(fichier: string, debut: number): string {
  const fin = statSync(fichier).size;
  const buf = Buffer.alloc(Math.max(0, fin - debut));
  const fd = openSync(fichier, 'r');
  readSync(fd, buf, 0, buf.length, debut);
  closeSync(fd);
  return buf.toString('utf8');
}

/** The auto_explain entries of a log excerpt: "duration: … plan:" and its indented lines. */
function plans(extrait: string): { ms: number; texte: string }[] {
  const out: { ms: number; texte: string }[] = [];
  let courant: { ms: number; lignes: string[] } | null = null;
  for (const ligne of extrait.split('\n')) {
    const m = /LOG:\s+duration: ([\d.]+) ms\s+plan:/.exec(ligne);
    if (m) {
      if (courant) out.push({ ms: courant.ms, texte: courant.lignes.join('\n') });
      courant = { ms: Number(m[1]), lignes: [] };
    } else if (courant && /^\s/.test(ligne)) courant.lignes.push(ligne.replace(/^\t/, ''));
    else if (courant) {
      out.push({ ms: courant.ms, texte: courant.lignes.join('\n') });
      courant = null;
    }
  }
  if (courant) out.push({ ms: courant.ms, texte: courant.lignes.join('\n') });
  return out;
}

export async function expliquer(client: pg.Client, url: string, cas: Cas[], demarrer: () => Promise<Serveur>, dossier: string, etiquette: string) {
  const version = (await client.query(`select current_setting('server_version_num')::int / 10000 as v`)).rows[0].v as number;
  const journal = process.env.BENCH_PG_LOG ?? `/var/log/postgresql/postgresql-${version}-main.log`;
  if (!existsSync(journal)) {
    console.log(`EXPLAIN : journal PostgreSQL introuvable (${journal}) ; BENCH_PG_LOG=… pour l’indiquer.`);
    return;
  }
  const base = `"${decodeURIComponent(new URL(url).pathname.slice(1))}"`;
  const reglages = [['session_preload_libraries', "'auto_explain'"], ['auto_explain.log_min_duration', '0'], ['auto_explain.log_analyze', 'on'],
    ['auto_explain.log_buffers', 'on'], ['auto_explain.log_timing', 'on'], ['auto_explain.log_format', 'text']];
  for (const [k, v] of reglages) await client.query(`alter database ${base} set ${k} = ${v}`);
  mkdirSync(path.join(dossier, 'explain'), { recursive: true });
  try {
    const serveur = await demarrer();
    try {
      for (const c of cas) {
        await serveur.appeler(c); // the first request of a session loads what the next ones find warm
        const debut = statSync(journal).size;
        await serveur.appeler(c);
        await new Promise((r) => setTimeout(r, 300));
        const p = plans(lireDepuis(journal, debut)).filter((x) => !/from "?session"?|limite_debit|agent" where/.test(x.texte)).sort((a, b) => b.ms - a.ms);
        const fichier = path.join(dossier, 'explain', `${slug(c.nom)}.${etiquette}.txt`);
        writeFileSync(fichier, `-- ${c.nom} (${c.chemin}), ${etiquette}\n-- ${p.length} requêtes SQL, de la plus lente à la plus rapide\n\n` +
          p.map((x) => `-- ${x.ms} ms\n${x.texte}`).join('\n\n') + '\n');
        console.log(`EXPLAIN ${c.nom} → ${path.relative(process.cwd(), fichier)} (${p.map((x) => x.ms.toFixed(1)).join(' + ')} ms)`);
      }
    } finally {
      await serveur.arreter();
    }
  } finally {
    for (const [k] of reglages) await client.query(`alter database ${base} reset ${k}`);
  }
}
