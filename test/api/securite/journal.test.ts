import { Readable, Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Express } from 'express';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { envoyerObjet } from '@server/http/envoyerObjet';
import { journalRequetes } from '@server/http/journal';
import type { DefinitionTache } from '@server/jobs/definitions';
import { loadJobsConfig } from '@server/jobs/config';
import { executerTache } from '@server/jobs/execution';
import { errorHandler } from '@server/http/problem';
import { creerLogger } from '@server/logger';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let lignes: string[] = [];
const memoire = () => ({ write: (l: string) => void lignes.push(...l.split('\n').filter(Boolean)) });
let app: Express;
beforeAll(() => {
  app = createApp({ orm: t.orm, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false }, logger: creerLogger({ destination: memoire() }) });
});
const json = () => lignes.map((l) => JSON.parse(l) as Record<string, unknown> & { req?: { id: string; path: string } });

describe('SEC-JOURNAL: structured logs with a request id, no personal data, no forged line', () => {
  it('a login e-mail carrying "\\n[als] …" stays inside one JSON line; the e-mail is not logged at all', async () => {
    lignes = [];
    const email = 'x@als.test\n[als] Connexion administrateur réussie (admin@als.test)';
    const r = await request(app).post('/api/auth/login').send({ email, password: 'mauvais mot de passe' });
    expect(r.status).toBe(401);
    expect(lignes.length).toBeGreaterThan(0);
    for (const l of lignes) expect(() => JSON.parse(l)).not.toThrow();
    expect(lignes.some((l) => l.startsWith('[als]'))).toBe(false);
    expect(lignes.join('\n')).not.toContain('x@als.test');
  });

  it('every request has an id: X-Request-Id, problem+json instance and the log line agree', async () => {
    lignes = [];
    const r = await request(app).get('/api/candidatures');
    expect(r.status).toBe(401);
    const id = r.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body.instance).toBe(`urn:uuid:${id}`);
    const [ligne] = json().filter((l) => l.req?.id === id);
    expect(ligne).toMatchObject({ level: 40, req: { method: 'GET', path: '/api/candidatures' }, res: { statusCode: 401 } });
    const r2 = await request(app).get('/api/candidatures');
    expect(r2.headers['x-request-id']).not.toBe(id);
  });

  it('the query string (filters and searches carry names) and the Authorization header are not logged; the agent is logged by id', async () => {
    const a = await createAgent(t.orm, 'controle_fraude');
    const token = await login(app, a.email, a.password);
    lignes = [];
    const r = await request(app).get(`/api/demandeurs?filter=${encodeURIComponent(JSON.stringify({ q: 'Dupontel' }))}`).set(bearer(token));
    expect(r.status).toBe(200);
    const tout = lignes.join('\n');
    expect(tout).not.toContain('Dupontel');
    expect(tout).not.toContain(token);
    expect(json().find((l) => l.req?.path === '/api/demandeurs')).toMatchObject({ agentId: a.id, level: 30 });
  });

  it('a database error is logged by SQLSTATE and constraint, without the SQL values the driver quotes; personal fields are masked', async () => {
    lignes = [];
    let erreur: unknown;
    try {
      await t.orm.em.fork().execute(`insert into agent (email, nom, prenom, role, territoires, password_hash, actif) values (?, ?, ?, 'admin', '{}', 'x', true)`, [
        'admin@als.test', 'Revenu 26710', 'Secret',
      ]);
    } catch (e) {
      erreur = e;
    }
    expect(String((erreur as Error).message)).toContain('26710'); // what the driver says…
    const mini = express();
    mini.use(journalRequetes(creerLogger({ destination: memoire() })));
    mini.get('/boom', () => {
      throw erreur;
    });
    mini.use(errorHandler);
    const r = await request(mini).get('/boom');
    expect(r.status).toBe(409); // unique violation → DEJA_EXISTANT
    const ligne = json().find((l) => l.req?.path === '/boom')!;
    expect(JSON.stringify(ligne)).not.toContain('26710'); // …is not what the log says
    const log = creerLogger({ destination: memoire() });
    lignes = [];
    log.error({ err: erreur, demandeur: { email: 'a@b.fr', nom: 'Dupont', revenuFiscalReference: 26710 } }, 'échec');
    const [l] = json() as unknown as [{ err: { sqlState: string; constraint: string; message?: string }; demandeur: Record<string, unknown> }];
    expect(l.err).toMatchObject({ sqlState: '23505', constraint: 'agent_email_unique' });
    expect(l.err.message).toBeUndefined();
    expect(l.demandeur).toEqual({ email: '[masqué]', nom: '[masqué]', revenuFiscalReference: '[masqué]' });
    expect(lignes.join('')).not.toContain('26710');
  });

  it('SEC-JOURNAL: a failed job keeps, for the admins reading GET /api/jobs, the SQLSTATE and stack frames of a database error, never the SQL values it quotes', async () => {
    const def = {
      nom: 'conservation', libelle: 'test', cron: '* * * * *', expireInMinutes: 1,
      executer: async (em) => {
        await em.execute(`select nom from demandeur where email = ? and id = ?::int`, ['jeanne.dupont@exemple.fr', 'Revenu 26710']);
        return {};
      },
    } as DefinitionTache;
    await expect(executerTache(t.orm, t.clock, def, loadJobsConfig({}), { declenchement: 'direct' }, {} as never)).rejects.toThrow(/26710/);
    const [row] = await t.orm.em.fork().execute<{ erreur: string }[]>(`select erreur from tache_execution where nom = 'conservation' and statut = 'echec' order by id desc limit 1`);
    expect(row.erreur).toContain('SQLSTATE 22P02');
    expect(row.erreur).toMatch(/\n\s*at /); // where it failed stays readable
    expect(row.erreur).not.toContain('26710');
    expect(row.erreur).not.toContain('jeanne.dupont');
  });

  it('SEC-JOURNAL: a storage read cut mid-way is logged through pino (JSON line with the request id), never console.error', async () => {
    const console_ = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      lignes = [];
      const mini = express();
      mini.use(journalRequetes(creerLogger({ destination: memoire() })));
      mini.get('/fichier', async (_req, res) => {
        const stream = new Readable({ read() { this.push(Buffer.from('%PDF-1.4 début')); this.destroy(Object.assign(new Error('disque illisible : /data/jeanne.dupont@exemple.fr.pdf'), { code: 'EIO' })); } });
        await envoyerObjet(res, { stream, size: 1000 });
      });
      await request(mini).get('/fichier').catch(() => null);
      await new Promise((r) => setTimeout(r, 50));
      expect(console_).not.toHaveBeenCalled();
      const l = json().find((x) => x.msg === 'Lecture du stockage interrompue.');
      expect(l).toMatchObject({ level: 50, req: { path: '/fichier' } });
      for (const x of lignes) expect(() => JSON.parse(x)).not.toThrow();
    } finally {
      console_.mockRestore();
    }
  });
});
