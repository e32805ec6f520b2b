import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { traiterInactivite, type ResumeInactivite } from '@server/modules/inactivite/traiterInactivite';
import { dossier, socle, type Dossier } from './fixtures';
import { baseDediee, sql, type BaseDediee } from './support';

const A = new Date('2026-01-10T09:00:00Z');
const AVERTISSEMENT = new Date('2026-04-10T08:00:00Z');
const RELANCE = new Date('2026-05-07T08:00:00Z');
const CLOTURE = new Date('2026-05-10T08:00:00Z');
const N = 60;

let db: BaseDediee;
let dossiers: Dossier[];

const somme = (rs: ResumeInactivite[], k: keyof ResumeInactivite) => rs.reduce((t, r) => t + r[k], 0);
const parDemandeur = (template: string) =>
  sql<{ demandeur_id: number; n: number }>(db.orm, `select demandeur_id, count(*)::int as n from notification where template = ? group by demandeur_id`, [template]);

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'concurrence');
  const s = await socle(db.orm);
  dossiers = [];
  for (let i = 0; i < N; i++) dossiers.push(await dossier(db.orm, s, A, ['deposee', 'en_instruction']));
});
afterAll(async () => db?.fermer());

describe('inactivity job on two replicas at once', () => {
  it('R-INACT: two processes (two ORMs, two pools) running the job together send each mail once and close each demande once', async () => {
    const autre = await db.autreOrm();
    const ensemble = (t: Date) =>
      Promise.all([traiterInactivite(db.orm.em.fork(), t, { lot: 7 }), traiterInactivite(autre.em.fork(), t, { lot: 5 })]);

    const a = await ensemble(AVERTISSEMENT);
    expect(somme(a, 'avertissements')).toBe(N);
    const r = await ensemble(RELANCE);
    expect(somme(r, 'relances')).toBe(N);
    const c = await ensemble(CLOTURE);
    expect(somme(c, 'clotures')).toBe(N);
    expect(somme(c, 'candidaturesCloturees')).toBe(2 * N);

    for (const template of ['inactivite_avertissement', 'inactivite_relance', 'inactivite_cloture']) {
      const rows = await parDemandeur(template);
      expect(rows).toHaveLength(N);
      expect(rows.every((x) => x.n === 1)).toBe(true);
    }
    const [{ doubles }] = await sql<{ doubles: number }>(
      db.orm,
      `select count(*)::int as doubles from (select entite_id from audit_event where action = 'cloturer' and entite = 'candidature' group by entite_id having count(*) > 1) x`,
    );
    expect(doubles).toBe(0);
    const [{ fermees }] = await sql<{ fermees: number }>(db.orm, `select count(*)::int as fermees from demande where statut = 'cloturee' and motif_cloture = 'inactivite'`);
    expect(fermees).toBe(N);
    // Nothing left to do, whoever runs it.
    expect(somme(await ensemble(CLOTURE), 'clotures')).toBe(0);
  });
});

describe('inactivity job killed midway', () => {
  const M = 40;
  let base: BaseDediee;
  beforeAll(async () => {
    base = await baseDediee(inject('adminDatabaseUrl'), 'kill');
    const s = await socle(base.orm);
    for (let i = 0; i < M; i++) await dossier(base.orm, s, A);
  });
  afterAll(async () => base?.fermer());

  const enfant = (pauseMs: number) =>
    // Its own process group: `kill -9` must reach the node process under npx and tsx, not only npx.
    spawn('npx', ['tsx', 'test/api/jobs/child-inactivite.ts', base.url, AVERTISSEMENT.toISOString(), '1', String(pauseMs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
  const compter = async () => {
    const [x] = await sql<{ etapes: number; mails: number }>(
      base.orm,
      `select (select count(*)::int from inactivite_etape) as etapes, (select count(*)::int from notification where template = 'inactivite_avertissement') as mails`,
    );
    return x;
  };

  it('R-INACT: kill -9 during the job, then run again → every warning once, none lost, none doubled', async () => {
    const child = enfant(150);
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += String(b)));
    const fin = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const t0 = Date.now();
    while ((await compter()).etapes < 5) {
      if (Date.now() - t0 > 40_000) throw new Error(`the child did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 30));
    }
    process.kill(-child.pid!, 'SIGKILL');
    expect(await fin).toBeNull();
    const apresKill = await compter();
    expect(apresKill.etapes).toBeGreaterThanOrEqual(5);
    expect(apresKill.etapes).toBeLessThan(M);
    // Step row and mail are written in one transaction: never one without the other.
    expect(apresKill.mails).toBe(apresKill.etapes);

    const reprise = enfant(0);
    let out = '';
    reprise.stdout.on('data', (b) => (out += String(b)));
    expect(await new Promise((resolve) => reprise.on('exit', resolve))).toBe(0);
    const resume = JSON.parse(out.trim().split('\n').pop()!) as ResumeInactivite;
    expect(resume.avertissements).toBe(M - apresKill.etapes);
    expect(await compter()).toEqual({ etapes: M, mails: M });
    const [{ doubles }] = await sql<{ doubles: number }>(
      base.orm,
      `select count(*)::int as doubles from (select demandeur_id from notification group by demandeur_id having count(*) <> 1) x`,
    );
    expect(doubles).toBe(0);
  });
});
