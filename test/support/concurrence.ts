import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { ormConfig } from '@server/db/mikro-orm.config';

/**
 * An ORM built as the app builds its own (ormConfig), with some DATABASE_* settings of the
 * environment replaced for this one pool only (config.ts reglagesBase reads them when ormConfig runs).
 */
export async function ormAvec(env: Record<string, string>, pool: { min: number; max: number } | null = { min: 0, max: 4 }, url: string = inject('databaseUrlIsolee')): Promise<MikroORM> {
  const avant = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await MikroORM.init(ormConfig(url, pool ? { pool } : {}));
  } finally {
    for (const [k, v] of Object.entries(avant)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * A TCP relay in front of PostgreSQL that the test can cut (`couper`: stops listening and drops
 * every open connection, as a server or network outage would) and bring back on the same port
 * (`retablir`), without touching the PostgreSQL server the other tests share.
 */
export class RelaisTcp {
  private serveur: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private cible: { host: string; port: number }) {}

  /** The database URL `url` reached through this relay. */
  url(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async ouvrir(): Promise<void> {
    const serveur = net.createServer((client) => {
      const amont = net.connect(this.cible.port, this.cible.host);
      for (const s of [client, amont]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          amont.destroy();
        });
      }
      client.pipe(amont);
      amont.pipe(client);
    });
    await new Promise<void>((ok, ko) => {
      serveur.once('error', ko);
      serveur.listen(this.port, '127.0.0.1', () => ok());
    });
    this.port = (serveur.address() as net.AddressInfo).port;
    this.serveur = serveur;
  }

  async couper(): Promise<void> {
    const s = this.serveur;
    this.serveur = null;
    for (const x of this.sockets) x.destroy();
    this.sockets.clear();
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  }
}

/** The PostgreSQL host and port of a database URL. */
export const hoteDe = (url: string) => {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432) };
};

/**
 * createApp() in a process of its own (test/support/serveurEnfant.ts, pool of 4), listening on
 * `port`: for what must be measured from outside the server's event loop. Resolves once it listens.
 */
/** A TCP port free on 127.0.0.1 now (for a child server to listen on). */
export const portLibre = () =>
  new Promise<number>((ok, ko) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => ok(p));
    });
    s.on('error', ko);
  });

export async function serveurEnfant(port: number, env: Record<string, string> = {}): Promise<{ arreter: () => Promise<void>; processus: ChildProcess }> {
  const enfant = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'test/support/serveurEnfant.ts'], {
    env: { ...process.env, DATABASE_URL: inject('databaseUrlIsolee'), DATA_DIR: inject('dataDir'), PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, ko) => {
    enfant.stdout!.on('data', (d) => String(d).includes('pret') && ok());
    enfant.once('exit', (c) => ko(new Error(`serveur arrêté (${c})`)));
  });
  return {
    processus: enfant,
    arreter: () =>
      new Promise<void>((ok) => {
        if (enfant.exitCode !== null) return ok();
        enfant.once('exit', () => ok());
        enfant.kill('SIGTERM');
      }),
  };
}
