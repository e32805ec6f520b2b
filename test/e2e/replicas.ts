/**
 * npm run e2e:replicas (issue #16): 3 API processes behind nginx (deploy/nginx/als.conf), a load of
 * agents and demandeurs for E2E_REPLICAS_DUREE seconds (default 60) while one process is killed
 * (SIGKILL) at 1/3 and restarted at 2/3. Agents list, open, take, instruct and release dossiers;
 * demandeurs log in, upload pieces, search offers and apply; an admin queues « Lancer maintenant »
 * runs. Then the checks:
 *   - no request lost: a request that fails on the way (502/503/504 or a dropped connection, i.e. in
 *     flight on the killed process) is retried once by the client, and that retry must succeed;
 *   - every uploaded file is readable, with its bytes, through each process directly;
 *   - every « Lancer maintenant » run and every cron tick ran once (tache_execution, pg-boss job ids);
 *   - every mail created is sent once (an SMTP sink counts Message-IDs);
 *   - X-Forwarded-For reaches the app through nginx (TRUST_PROXY): the audit records the client's IP;
 *   - throughput through nginx to 3 processes vs 1 process directly (autocannon), printed as a ratio.
 * Exit code 1 when a check fails.
 *
 * PostgreSQL: the server of DATABASE_URL (a fresh database `als_e2e_repliques` is created, seeded with
 * the demo data by the first process, and dropped at the end), else an embedded one under
 * ./.data/e2e-replicas-pg. Ports: nginx E2E_REPLICAS_PORT (3210), the processes the next three
 * (3211–3213), the SMTP sink 3219. nginx must be installed (Debian: apt-get install nginx).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { adminSql, withDatabase } from '@test/support/testDatabase';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startEmbeddedPostgres } from '@server/db/embedded';

const DUREE_S = Number(process.env.E2E_REPLICAS_DUREE ?? 60);
const DEBIT_S = Number(process.env.E2E_REPLICAS_DEBIT_S ?? Math.min(10, Math.max(4, Math.round(DUREE_S / 6))));
const PORT_LB = Number(process.env.E2E_REPLICAS_PORT ?? 3210);
const PORTS = [PORT_LB + 1, PORT_LB + 2, PORT_LB + 3];
const PORT_SMTP = PORT_LB + 9;
const NOM_BASE = process.env.E2E_REPLICAS_BASE ?? 'als_e2e_repliques';
const VU_AGENTS = 6;
const VU_DEMANDEURS = 4;
const MOT_DE_PASSE_DEMANDEUR = 'Demandeur2026!demo';
const AGENTS = [
  ['camille.martin@als.test', 'Conseiller69!demo'],
  ['lucas.girard@als.test', 'Conseiller6933!demo'],
  ['thomas.petit@als.test', 'Conseiller7592!demo'],
  ['ines.garcia@als.test', 'Conseiller92!demo'],
] as const;
const FRAUDE = ['sarah.leroy@als.test', 'ControleFraude!demo'] as const;
const ADMIN = ['admin@als.test', 'Admin2026!demo'] as const;
const TACHE_MANUELLE = 'verrous-expires';

const debut = Date.now();
const t = () => `${((Date.now() - debut) / 1000).toFixed(1).padStart(6)} s`;
const log = (m: string) => console.log(`[${t()}] ${m}`);
const dormir = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'als-e2e-replicas-'));
chmodSync(tmp, 0o755);
const echecs: string[] = [];
const verifier = (ok: boolean, quoi: string) => {
  console.log(`${ok ? '✓' : '✗'} ${quoi}`);
  if (!ok) echecs.push(quoi);
};

// ─── PostgreSQL ────────────────────────────────────────────────────────────────────────────────
let arreterPg: (() => Promise<void>) | undefined;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  const e = await startEmbeddedPostgres(path.resolve('.data/e2e-replicas-pg'), log);
  adminUrl = e.url;
  arreterPg = e.stop;
}
const admin = (sql: string) => adminSql(adminUrl, sql);
await admin(`drop database if exists "${NOM_BASE}" with (force)`);
await admin(`create database "${NOM_BASE}"`);
const DATABASE_URL = withDatabase(adminUrl, NOM_BASE);
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
const q = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

// ─── SMTP sink: counts each Message-ID ─────────────────────────────────────────────────────────
const recus = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, fin) {
    let brut = '';
    stream.on('data', (d: Buffer) => {
      if (brut.length < 64 * 1024) brut += d.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^message-id:\s*(<[^>\r\n]+>)/im.exec(brut.split(/\r?\n\r?\n/)[0])?.[1] ?? '(sans Message-ID)';
      recus.set(id, (recus.get(id) ?? 0) + 1);
      fin();
    });
  },
});
// A process killed mid-conversation resets its connection: that is the test, not a failure of the sink.
smtp.on('error', () => undefined);
await new Promise<void>((ok) => smtp.listen(PORT_SMTP, '127.0.0.1', ok));

// ─── The API processes ────────────────────────────────────────────────────────────────────────
const stockage = path.join(tmp, 'stockage-partage');
mkdirSync(stockage);
interface Processus {
  n: number;
  port: number;
  jobs: boolean;
  enfant?: ChildProcess;
}
// Jobs on the first and the third (the one killed: a job runner dying mid-run is the harder case), off on the second.
const processus: Processus[] = PORTS.map((port, i) => ({ n: i + 1, port, jobs: i !== 1 }));

let nginx: ChildProcess | undefined;
// The processes run in their own process groups (detached, to be killed as a whole): if this script
// dies, they must not outlive it.
process.on('exit', () => {
  for (const p of processus) if (p.enfant?.pid && p.enfant.exitCode === null) tuer(p, 'SIGKILL');
  if (nginx?.pid && nginx.exitCode === null) nginx.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));

function demarrer(p: Processus, demo: boolean) {
  const dataDir = path.join(tmp, `data-${p.n}`); // its own scratch folder: nothing shared but STORAGE_URL
  mkdirSync(dataDir, { recursive: true });
  const sortie = createWriteStream(path.join(tmp, `api-${p.n}.log`), { flags: 'a' });
  // node --import tsx: one process (no wrapper), so SIGKILL kills the server itself.
  p.enfant = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL,
      PORT: String(p.port),
      DATA_DIR: dataDir,
      STORAGE_URL: `file://${stockage}`,
      JOBS: p.jobs ? '1' : '0',
      TRUST_PROXY: 'loopback',
      SMTP_URL: `smtp://127.0.0.1:${PORT_SMTP}`,
      MAIL_RATE_PER_MINUTE: '100000',
      PUBLIC_URL: `http://127.0.0.1:${PORT_LB}`,
      DEMO: demo ? '1' : '0', // only the first one seeds the empty database
      DATABASE_POOL_MAX: '8',
      SKIP_CONSOLE_BUILD: '1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'texte',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  p.enfant.stdout!.pipe(sortie);
  p.enfant.stderr!.pipe(sortie);
}

async function attendreSante(base: string, enfant: ChildProcess | undefined, delaiMs: number, quoi: string) {
  const limite = Date.now() + delaiMs;
  while (Date.now() < limite) {
    if (enfant && enfant.exitCode !== null) throw new Error(`${quoi} s’est arrêté (code ${enfant.exitCode}) : voir ${tmp}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await dormir(250);
  }
  throw new Error(`${quoi} ne répond pas sur ${base}/api/health après ${delaiMs / 1000} s (journaux : ${tmp})`);
}

function tuer(p: Processus, signal: NodeJS.Signals) {
  try {
    process.kill(-p.enfant!.pid!, signal);
  } catch {
    /* already gone */
  }
}

async function arreter(p: Processus) {
  if (!p.enfant || p.enfant.exitCode !== null || p.enfant.signalCode !== null) return;
  const fini = new Promise((ok) => p.enfant!.once('exit', ok));
  tuer(p, 'SIGTERM');
  await Promise.race([fini, dormir(10_000)]);
  if (p.enfant.exitCode === null && p.enfant.signalCode === null) tuer(p, 'SIGKILL');
}

// ─── nginx, from the deploy/ configuration ────────────────────────────────────────────────────
function configurerNginx() {
  const modele = readFileSync(path.resolve('deploy/nginx/als.conf'), 'utf8');
  const reglages = /#\s*BEGIN replicas[\s\S]*?server\s+\S+\s+([^;]*);/.exec(modele)?.[1] ?? '';
  const site = modele
    .replace(/# BEGIN replicas[\s\S]*?# END replicas/, PORTS.map((p) => `server 127.0.0.1:${p} ${reglages};`).join('\n    '))
    .replace(/# BEGIN listen[\s\S]*?# END listen/, `listen 127.0.0.1:${PORT_LB};\n    server_name localhost;`);
  if (site === modele || !site.includes(`127.0.0.1:${PORTS[2]}`)) throw new Error('deploy/nginx/als.conf : marqueurs BEGIN/END introuvables');
  const racine = path.join(tmp, 'nginx');
  for (const d of ['', 'temp', 'temp/corps', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) {
    mkdirSync(path.join(racine, d), { recursive: true });
    chmodSync(path.join(racine, d), 0o777); // the workers may run as another user than the master
  }
  writeFileSync(path.join(racine, 'als.conf'), site);
  writeFileSync(
    path.join(racine, 'nginx.conf'),
    `worker_processes 1;
pid ${racine}/nginx.pid;
error_log ${racine}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${racine}/access.log;
  default_type application/octet-stream;
  client_body_temp_path ${racine}/temp/corps;
  proxy_temp_path ${racine}/temp/proxy;
  fastcgi_temp_path ${racine}/temp/fastcgi;
  uwsgi_temp_path ${racine}/temp/uwsgi;
  scgi_temp_path ${racine}/temp/scgi;
  include ${racine}/als.conf;
}
`,
  );
  return racine;
}

// ─── Load ─────────────────────────────────────────────────────────────────────────────────────
const LB = `http://127.0.0.1:${PORT_LB}`;
const stats = { total: 0, rejouees: 0, erreurs: 0, parStatut: new Map<string, number>(), latences: [] as number[], details: [] as string[] };
const compter = (cle: string) => stats.parStatut.set(cle, (stats.parStatut.get(cle) ?? 0) + 1);

interface Reponse {
  status: number;
  json: () => Promise<any>;
  bytes: () => Promise<Buffer>;
}

/**
 * One request of the load, through nginx. A dropped connection or a 502/503/504 (a request in flight
 * on the process that was killed, or one nginx could not place) is retried once; the retry must
 * succeed. `attendus`: the statuses that are answers (409 on a dossier someone else took is one).
 */
async function appel(methode: string, chemin: string, init: { token?: string; ip?: string; json?: unknown; corps?: () => FormData }, attendus: number[]): Promise<Reponse | null> {
  const t0 = performance.now();
  stats.total += 1;
  for (let essai = 0; essai < 2; essai++) {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.ip) headers['X-Forwarded-For'] = init.ip;
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.corps) body = init.corps();
    let status = 0;
    let texte: Buffer | null = null;
    try {
      const r = await fetch(LB + chemin, { method: methode, headers, body, signal: AbortSignal.timeout(30_000) });
      texte = Buffer.from(await r.arrayBuffer());
      status = r.status;
    } catch (e) {
      status = 0;
      if (essai === 1) stats.details.push(`${methode} ${chemin}: ${(e as Error).message}`);
    }
    const rejouable = status === 0 || status === 502 || status === 503 || status === 504;
    if (rejouable && essai === 0) {
      stats.rejouees += 1;
      compter(`${status || 'connexion'} (rejouée)`);
      await dormir(100);
      continue;
    }
    stats.latences.push(performance.now() - t0);
    compter(String(status || 'connexion'));
    if (!attendus.includes(status)) {
      stats.erreurs += 1;
      if (stats.details.length < 20) stats.details.push(`${methode} ${chemin} → ${status} ${texte?.toString('utf8').slice(0, 200) ?? ''}`);
      return null;
    }
    const b = texte!;
    return { status, json: async () => JSON.parse(b.toString('utf8')), bytes: async () => b };
  }
  return null;
}

let fin = 0;
const actif = () => Date.now() < fin;

async function connexionAgent(email: string, password: string, base = LB): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (r.status !== 200) throw new Error(`connexion ${email} : ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

async function vuAgent(n: number) {
  const [email, password] = AGENTS[n % AGENTS.length];
  const token = await connexionAgent(email, password);
  while (actif()) {
    const page = Math.floor(Math.random() * 3) * 25;
    const liste = await appel('GET', `/api/candidatures?filter=${encodeURIComponent('{"onglet":"a_traiter"}')}&range=${encodeURIComponent(`[${page},${page + 24}]`)}`, { token }, [200]);
    const lignes = liste ? ((await liste.json()) as { id: number }[]) : [];
    if (lignes.length === 0) {
      await appel('GET', '/api/candidatures/compteurs', { token }, [200]);
      continue;
    }
    const id = lignes[Math.floor(Math.random() * lignes.length)].id;
    await appel('GET', `/api/candidatures/${id}/dossier`, { token }, [200]);
    const pris = await appel('POST', `/api/candidatures/${id}/prendre`, { token, json: {} }, [200, 409]);
    if (pris?.status !== 200) continue;
    if (Math.random() < 0.35) await appel('POST', `/api/candidatures/${id}/instruire`, { token, json: {} }, [200, 409, 422]);
    await appel('POST', `/api/candidatures/${id}/liberer`, { token, json: {} }, [200, 409]);
  }
}

const deposees: { id: number; sha256: string }[] = [];
let candidaturesCreees = 0;
let compteurPdf = 0;
async function pdfUnique(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText(`Piece de charge ${process.pid}-${++compteurPdf}-${Date.now()}`, { x: 20, y: 100, size: 10, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}
const TYPES = ['ressources', 'avis_imposition', 'justificatif_domicile', 'identite'];

async function vuDemandeur(n: number, emails: string[]) {
  let k = 0;
  for (let i = n; actif(); i += VU_DEMANDEURS) {
    const email = emails[i % emails.length];
    // Each simulated demandeur comes from its own address (through nginx's X-Forwarded-For): the
    // per-address limits are the real users', not this one machine's.
    const ip = `10.77.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
    const cx = await appel('POST', '/api/portail/connexion', { ip, json: { email, motDePasse: MOT_DE_PASSE_DEMANDEUR } }, [200]);
    if (!cx) continue;
    const { token, cguAAccepter, cguVersion } = (await cx.json()) as { token: string; cguAAccepter: boolean; cguVersion: string };
    if (cguAAccepter) await appel('POST', '/api/portail/cgu/accepter', { token, ip, json: { version: cguVersion } }, [200, 204]);
    for (let j = 0; j < 3 && actif(); j++) {
      const octets = await pdfUnique();
      const sha256 = createHash('sha256').update(octets).digest('hex');
      const type = TYPES[k++ % TYPES.length];
      const r = await appel(
        'POST',
        '/api/portail/justificatifs',
        {
          token,
          ip,
          corps: () => {
            const f = new FormData();
            f.set('type', type);
            f.set('titulaire', 'demandeur');
            f.set('fichier', new Blob([new Uint8Array(octets)], { type: 'application/pdf' }), 'piece.pdf');
            return f;
          },
        },
        [201, 409], // 409: a suspended demandeur, or a demande closed meanwhile
      );
      if (r?.status === 201) deposees.push({ id: ((await r.json()) as { id: number }).id, sha256 });
      const offres = await appel('GET', `/api/portail/offres?range=${encodeURIComponent('[0,24]')}`, { token, ip }, [200]);
      const liste = offres ? ((await offres.json()) as { id: number }[]) : [];
      if (j === 0 && liste.length) {
        // Applying: 201, or 409 with the rule that refuses it (limits, eligibility, already applied…).
        const c = await appel('POST', `/api/portail/offres/${liste[Math.floor(Math.random() * liste.length)].id}/candidater`, { token, ip, json: {} }, [201, 409]);
        if (c?.status === 201) candidaturesCreees += 1;
      }
    }
  }
}

const lancees: string[] = [];
async function vuAdmin(token: string) {
  const pas = (DUREE_S * 1000) / 5;
  while (actif()) {
    const r = await appel('POST', `/api/jobs/${TACHE_MANUELLE}/run`, { token, json: {} }, [202, 409]);
    if (r?.status === 202) lancees.push(((await r.json()) as { jobId: string }).jobId);
    await dormir(Math.min(pas, Math.max(0, fin - Date.now())));
  }
}

function p(valeurs: number[], quantile: number) {
  if (valeurs.length === 0) return NaN;
  const s = [...valeurs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(quantile * s.length) - 1)];
}

// ─── The run ──────────────────────────────────────────────────────────────────────────────────
let code = 0;
try {
  log(`Base ${NOM_BASE} créée ; processus 1 (données de démonstration, tâches) sur ${PORTS[0]}, 2 (JOBS=0) sur ${PORTS[1]}, 3 (tâches) sur ${PORTS[2]}…`);
  // Together: the migrations take a lock (one migrates, the others find it done); only the first seeds.
  demarrer(processus[0], true);
  demarrer(processus[1], false);
  demarrer(processus[2], false);
  await attendreSante(`http://127.0.0.1:${PORTS[0]}`, processus[0].enfant, 180_000, 'le processus 1');
  const racineNginx = configurerNginx();
  nginx = spawn('nginx', ['-p', racineNginx + '/', '-c', path.join(racineNginx, 'nginx.conf'), '-e', path.join(racineNginx, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  await Promise.all([
    attendreSante(`http://127.0.0.1:${PORTS[1]}`, processus[1].enfant, 120_000, 'le processus 2'),
    attendreSante(`http://127.0.0.1:${PORTS[2]}`, processus[2].enfant, 120_000, 'le processus 3'),
  ]);
  await attendreSante(LB, nginx, 10_000, 'nginx');
  log(`nginx sur ${PORT_LB} devant ${PORTS.join(', ')} (journaux : ${tmp})`);

  const emails = (
    await q<{ email: string }>(
      `select dr.email from demandeur dr join demande d on d.demandeur_id = dr.id and d.statut = 'complete'
        where dr.statut_compte = 'actif' and dr.email_verifie_le is not null order by dr.id`,
    )
  ).map((r) => r.email);
  const tokenAdmin = await connexionAgent(...ADMIN);
  const [{ n: notifAvant }] = await q<{ n: number }>(`select coalesce(max(id), 0)::int as n from notification`);
  const [{ d: debutCharge }] = await q<{ d: Date }>(`select now() as d`);

  log(`Charge pendant ${DUREE_S} s : ${VU_AGENTS} agents, ${VU_DEMANDEURS} demandeurs, 1 admin ; processus 3 tué à ${Math.round(DUREE_S / 3)} s, relancé à ${Math.round((2 * DUREE_S) / 3)} s`);
  fin = Date.now() + DUREE_S * 1000;
  const tDebut = Date.now();
  let redemarrage: Promise<void> = Promise.resolve();
  const tueur = (async () => {
    await dormir((DUREE_S * 1000) / 3);
    tuer(processus[2], 'SIGKILL');
    log(`processus 3 tué (SIGKILL)`);
    await dormir((DUREE_S * 1000) / 3);
    log(`processus 3 relancé`);
    demarrer(processus[2], false);
    redemarrage = attendreSante(`http://127.0.0.1:${PORTS[2]}`, processus[2].enfant, 120_000, 'le processus 3 relancé').then(() => log('processus 3 de nouveau en service'));
  })();
  await Promise.all([
    ...Array.from({ length: VU_AGENTS }, (_, i) => vuAgent(i)),
    ...Array.from({ length: VU_DEMANDEURS }, (_, i) => vuDemandeur(i, emails)),
    vuAdmin(tokenAdmin),
    tueur,
  ]);
  const dureeReelle = (Date.now() - tDebut) / 1000;
  await redemarrage;

  // ── Checks ──
  console.log('\n── Charge');
  const p95 = p(stats.latences, 0.95);
  console.log(`requêtes : ${stats.total} en ${dureeReelle.toFixed(1)} s (${(stats.total / dureeReelle).toFixed(1)} req/s), rejouées une fois par le client : ${stats.rejouees}, erreurs : ${stats.erreurs}`);
  console.log(`latence : p50 ${p(stats.latences, 0.5).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...stats.latences).toFixed(0)} ms`);
  console.log(`statuts : ${[...stats.parStatut].sort().map(([k, v]) => `${k}×${v}`).join(', ')}`);
  for (const d of stats.details) console.log(`  ${d}`);
  verifier(stats.erreurs === 0, `aucune requête perdue : ${stats.erreurs} erreur(s) après la reprise unique du client (${stats.rejouees} reprise(s))`);
  verifier(deposees.length > 0, `pièces déposées pendant la charge : ${deposees.length} (et ${candidaturesCreees} candidature(s) déposée(s) par les demandeurs)`);

  console.log('\n── Fichiers');
  const tokenFraude = await connexionAgent(...FRAUDE);
  let illisibles = 0;
  for (const port of PORTS) {
    const lots = [...deposees];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let d = lots.pop(); d; d = lots.pop()) {
          const r = await fetch(`http://127.0.0.1:${port}/api/justificatifs/${d.id}/fichier`, { headers: { Authorization: `Bearer ${tokenFraude}` } });
          const octets = Buffer.from(await r.arrayBuffer());
          if (r.status !== 200 || createHash('sha256').update(octets).digest('hex') !== d.sha256) {
            illisibles += 1;
            if (illisibles <= 5) console.log(`  pièce ${d.id} sur ${port} : ${r.status}`);
          }
        }
      }),
    );
  }
  verifier(illisibles === 0, `chaque pièce déposée (${deposees.length}) lue octet pour octet par chacun des 3 processus directement (${illisibles} échec(s))`);
  const [{ n: ipsClients }] = await q<{ n: number }>(`select count(*)::int as n from audit_event where ip like '10.77.%' and at >= $1`, [debutCharge]);
  verifier(ipsClients > 0, `X-Forwarded-For transmis par nginx et lu par l’app (TRUST_PROXY) : ${ipsClients} événement(s) d’audit avec l’adresse du client`);

  console.log('\n── Tâches');
  const limiteTaches = Date.now() + 30_000;
  let executions: { job_id: string; statut: string }[] = [];
  for (;;) {
    executions = await q<{ job_id: string; statut: string }>(`select job_id, statut from tache_execution where nom = $1 and declenchement = 'manuel' and debut >= $2`, [TACHE_MANUELLE, debutCharge]);
    if (lancees.every((id) => executions.some((e) => e.job_id === id && e.statut === 'termine')) || Date.now() > limiteTaches) break;
    await dormir(500);
  }
  const parJob = new Map<string, number>();
  for (const e of executions) parJob.set(e.job_id, (parJob.get(e.job_id) ?? 0) + 1);
  const uneFois = lancees.filter((id) => parJob.get(id) === 1).length;
  console.log(`« Lancer maintenant » ${TACHE_MANUELLE} : ${lancees.length} acceptés (202), ${executions.length} exécution(s), ${uneFois} exécutée(s) exactement une fois`);
  verifier(lancees.length > 0 && uneFois === lancees.length && executions.length === lancees.length, `chaque exécution demandée a tourné une fois (${uneFois}/${lancees.length})`);
  const planifiees = await q<{ nom: string; minute: Date; n: number }>(
    `select nom, date_trunc('minute', debut) as minute, count(*)::int as n from tache_execution
      where declenchement = 'planifie' and debut >= $1 group by 1, 2 order by 2, 1`,
    [debutCharge],
  );
  console.log(`tâches planifiées pendant la charge : ${planifiees.map((r) => `${r.nom}×${r.n}`).join(', ') || 'aucune (pas de minute ronde)'}`);
  verifier(planifiees.every((r) => r.n === 1), `chaque échéance planifiée a tourné une fois (${planifiees.filter((r) => r.n > 1).length} en double)`);

  console.log('\n── Courriels');
  const limiteMails = Date.now() + 40_000;
  let restants = 0;
  for (;;) {
    [{ n: restants }] = await q<{ n: number }>(`select count(*)::int as n from notification where statut in ('a_envoyer', 'envoi_en_cours')`);
    if (restants === 0 || Date.now() > limiteMails) break;
    await fetch(`${LB}/api/jobs/envoi-notifications/run`, { method: 'POST', headers: { Authorization: `Bearer ${tokenAdmin}`, 'Content-Type': 'application/json' }, body: '{}' });
    await dormir(1000);
  }
  const lignes = await q<{ id: number; statut: string; message_id: string | null }>(`select id, statut, message_id from notification where id > $1`, [notifAvant]);
  const recuesPour = (l: { message_id: string | null }) => (l.message_id ? (recus.get(l.message_id) ?? 0) : 0);
  const envoyees = lignes.filter((l) => l.statut === 'envoyee').length;
  const uneSeule = lignes.filter((l) => recuesPour(l) === 1).length;
  const doubles = [...recus.values()].filter((v) => v > 1).length;
  console.log(`notifications créées pendant la charge : ${lignes.length}, envoyées : ${envoyees}, reçues une fois : ${uneSeule}, messages reçus au total : ${[...recus.values()].reduce((a, v) => a + v, 0)} (${recus.size} Message-ID distincts, ${doubles} en double)`);
  verifier(lignes.length > 0, `des courriels ont été créés pendant la charge (${lignes.length})`);
  verifier(envoyees === lignes.length && uneSeule === lignes.length && doubles === 0, `chaque courriel envoyé une fois (${uneSeule}/${lignes.length}, ${restants} restant(s) à envoyer)`);

  console.log('\n── Débit : 3 processus derrière nginx contre 1 processus seul');
  const tokenDebit = await connexionAgent(...AGENTS[0]);
  const mesurer = async (url: string) => {
    const r = await autocannon({
      url,
      connections: 12,
      duration: DEBIT_S,
      headers: { Authorization: `Bearer ${tokenDebit}` },
      requests: [
        { method: 'GET', path: `/api/candidatures?range=${encodeURIComponent('[0,24]')}` },
        { method: 'GET', path: '/api/candidatures/compteurs' },
      ],
    });
    return { rps: r.requests.average, p95: r.latency.p97_5, non2xx: r.non2xx, erreurs: r.errors + r.timeouts };
  };
  const trois = await mesurer(LB);
  const un = await mesurer(`http://127.0.0.1:${PORTS[0]}`);
  console.log(`3 processus (nginx) : ${trois.rps.toFixed(1)} req/s (p97,5 ${trois.p95} ms) ; 1 processus : ${un.rps.toFixed(1)} req/s (p97,5 ${un.p95} ms)`);
  console.log(`rapport de débit 3/1 : ${(trois.rps / un.rps).toFixed(2)} (${os.cpus().length} cœur(s) partagés avec PostgreSQL et nginx)`);
  verifier(trois.non2xx + trois.erreurs + un.non2xx + un.erreurs === 0, `mesures de débit sans erreur (${trois.non2xx + un.non2xx} non-2xx, ${trois.erreurs + un.erreurs} erreurs)`);

  console.log(`\n${echecs.length ? `✗ ${echecs.length} vérification(s) en échec` : '✓ toutes les vérifications passent'} — ${((Date.now() - debut) / 1000).toFixed(0)} s au total`);
  code = echecs.length ? 1 : 0;
} catch (e) {
  console.error(`✗ ${e instanceof Error ? e.stack : e}`);
  code = 1;
} finally {
  fin = 0;
  if (nginx && nginx.exitCode === null) {
    const fini = new Promise((ok) => nginx!.once('exit', ok));
    nginx.kill('SIGQUIT');
    await Promise.race([fini, dormir(5000)]);
    if (nginx.exitCode === null) nginx.kill('SIGKILL');
  }
  await Promise.all(processus.map(arreter));
  await new Promise<void>((ok) => smtp.close(() => ok()));
  await db.end();
  if (!process.env.E2E_REPLICAS_GARDER) {
    await admin(`drop database if exists "${NOM_BASE}" with (force)`).catch(() => undefined);
    if (code === 0) rmSync(tmp, { recursive: true, force: true });
  }
  if (arreterPg) await arreterPg();
}
process.exit(code);
