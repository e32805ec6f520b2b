/**
 * OPS-PRODUCTION (issue #16, README « Going to production »): the real entry point (`npm start`,
 * bin/start.ts) with NODE_ENV=production on an empty database, as a new operator runs it. The
 * migrations run, ADMIN_EMAIL/ADMIN_PASSWORD make the first admin (who logs in), no demo data is
 * loaded (no demo login works, no offer, no demandeur), and the empty communes referential is said
 * twice: a warning in the start log and `communes: "vide"` in /api/health.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '@server/db/mikro-orm.config';
import { portLibre } from '@test/support/concurrence';
import { dropDatabase, recreateDatabase } from '@test/support/testDatabase';

const ADMIN = { email: 'Premiere.Admin@exemple.fr', password: 'Premier-Admin-2026!' };
const nom = `als_test_production_${process.pid}`;
let url = '';
let dataDir = '';
let port = 0;
let enfant: ChildProcess | undefined;
const journal: { level: number; msg: string }[] = [];

const api = (chemin: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${chemin}`, init);
const connexion = (email: string, password: string) =>
  api('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });

beforeAll(async () => {
  url = await recreateDatabase(inject('adminDatabaseUrl'), nom);
  dataDir = mkdtempSync(join(tmpdir(), 'als-production-'));
  port = await portLibre();
  enfant = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bin/start.ts'], {
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME,
      NODE_ENV: 'production', DATABASE_URL: url, PORT: String(port), DATA_DIR: dataDir,
      APP_SECRET: 'x'.repeat(40), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
      JOBS: '0', // an API-only replica (README « Scaling out »): pg-boss is not what this test is about
      SKIP_CONSOLE_BUILD: '1', // the console's build is `npm run build`'s business, not the start's
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let reste = '';
  enfant.stdout!.on('data', (d) => {
    reste += String(d);
    const lignes = reste.split('\n');
    reste = lignes.pop()!;
    for (const l of lignes) {
      try {
        journal.push(JSON.parse(l));
      } catch {
        journal.push({ level: 30, msg: l });
      }
    }
  });
  let erreurs = '';
  enfant.stderr!.on('data', (d) => (erreurs += String(d)));
  await new Promise<void>((ok, ko) => {
    const attente = setInterval(() => journal.some((l) => /Console et API prêtes/.test(l.msg)) && (clearInterval(attente), ok()), 100);
    enfant!.once('exit', (c) => (clearInterval(attente), ko(new Error(`npm start arrêté (${c}) : ${erreurs.slice(-2000)} ${JSON.stringify(journal.slice(-5))}`))));
  });
}, 240_000);

afterAll(async () => {
  if (enfant && enfant.exitCode === null) {
    await new Promise<void>((ok) => {
      enfant!.once('exit', () => ok());
      enfant!.kill('SIGTERM');
    });
  }
  await dropDatabase(inject('adminDatabaseUrl'), nom);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('npm start with NODE_ENV=production on an empty database', () => {
  it('OPS-PRODUCTION: ADMIN_EMAIL/ADMIN_PASSWORD create the first admin, who logs in; no demo data, no demo login', async () => {
    expect(journal.map((l) => l.msg)).toContain(`Administrateur ${ADMIN.email.toLowerCase()} créé.`);
    expect(journal.some((l) => /démonstration/i.test(l.msg)), 'aucune donnée de démonstration').toBe(false);
    const r = await connexion(ADMIN.email, ADMIN.password);
    expect(r.status).toBe(200);
    const corps = (await r.json()) as { token: string; agent: { role: string } };
    expect(corps.agent.role).toBe('admin');
    const moi = await api('/api/auth/me', { headers: { Authorization: `Bearer ${corps.token}` } });
    expect(moi.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/;\s*Secure/i); // NODE_ENV=production turns COOKIE_SECURE on
    expect((await connexion('admin@als.test', 'Admin2026!demo')).status).toBe(401);

    const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 1 } }));
    try {
      const [n] = await orm.em.fork().execute<{ agents: number; offres: number; demandeurs: number; bailleurs: number; communes: number }[]>(
        `select (select count(*)::int from agent) as agents, (select count(*)::int from offre) as offres, (select count(*)::int from demandeur) as demandeurs,
                (select count(*)::int from bailleur) as bailleurs, (select count(*)::int from commune) as communes`,
      );
      expect(n).toEqual({ agents: 1, offres: 0, demandeurs: 0, bailleurs: 0, communes: 0 });
    } finally {
      await orm.close(true);
    }
  });

  it('OPS-PRODUCTION: the empty communes referential is warned in the start log and said by /api/health (still 200)', async () => {
    const avertissement = journal.find((l) => /référentiel des communes est vide/.test(l.msg));
    expect(avertissement?.level).toBe(40); // pino « warn »
    expect(avertissement?.msg).toMatch(/npm run communes:import/);
    const h = await api('/api/health');
    expect(h.status).toBe(200);
    const sante = (await h.json()) as { status: string; database: string; communes: string; avertissements: string[] };
    expect(sante).toMatchObject({ status: 'ok', database: 'up', communes: 'vide' });
    expect(sante.avertissements.join(' ')).toMatch(/référentiel des communes est vide/);
  });
});
