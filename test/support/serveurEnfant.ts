/**
 * createApp() in a process of its own, on the test database (DATABASE_URL, DATA_DIR, PORT from
 * the environment): for measures a client must take from outside the server's event loop
 * (timings). Prints « pret » once listening; stops on SIGTERM.
 *
 * With DIAG_FICHIER set, it also writes there on SIGTERM what a slow answer is made of: each
 * `/api/health` request's time inside the server (from the parsed request to the last byte
 * written), and every stall of its event loop longer than 50 ms, with the CPU time this process
 * used during the stall (CPU ≈ stall: this process was busy running JavaScript; CPU ≪ stall: it
 * was waiting for a core the machine gave to other processes).
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { createStorage } from '@server/storage/create';

const orm = await MikroORM.init(ormConfig(process.env.DATABASE_URL!, { pool: { min: 1, max: 4 } }));
const config = { ...loadConfig(process.env), demo: false };
const storage = createStorage({ storageUrl: process.env.STORAGE_URL || undefined, dataDir: config.dataDir });
const app = createApp({ orm, clock: { now: () => new Date() }, config, storage });
const server: Server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('pret'));

const diag = process.env.DIAG_FICHIER;
const sante: Array<{ a: number; duree: number }> = [];
const arrets: Array<{ a: number; mur: number; cpu: number }> = [];
if (diag) {
  server.prependListener('request', (req, res) => {
    if (req.url !== '/api/health') return;
    const t0 = performance.now();
    res.once('finish', () => sante.push({ a: Math.round(performance.timeOrigin + t0), duree: +(performance.now() - t0).toFixed(1) }));
  });
  let avant = performance.now();
  let cpuAvant = process.cpuUsage();
  setInterval(() => {
    const maintenant = performance.now();
    const cpu = process.cpuUsage(cpuAvant);
    const mur = maintenant - avant - 10;
    if (mur > 50) arrets.push({ a: Math.round(performance.timeOrigin + avant), mur: Math.round(mur), cpu: Math.round((cpu.user + cpu.system) / 1000) });
    avant = maintenant;
    cpuAvant = process.cpuUsage();
  }, 10).unref();
}

process.on('SIGTERM', () => {
  if (diag) writeFileSync(diag, JSON.stringify({ sante, arrets }));
  server.close();
  void orm.close(true).then(() => process.exit(0));
});
