/**
 * Races over HTTP, as two replicas would run them: a second app instance on its own ORM and pool
 * (opened once per file), and a burst of identical requests alternated between the two apps and
 * fired at the same moment. Each test repeats its burst ROUNDS times on fresh rows, so that a
 * lucky interleaving cannot pass it.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import type { Response } from 'supertest';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createApp } from '@server/app';
import { ormConfig } from '@server/db/mikro-orm.config';
import { testContext, useTestApp, type TestApp } from '@test/support/app';
import { openSession } from '@server/modules/auth/sessions';
import { demande, demandeurActif, offre } from '@test/api/portail/fixtures';

export const ROUNDS = 25;

/**
 * The `n` rounds of a race test, one after the other. By default the first failing round fails
 * the test. With RONDES_TOUTES=1 (the mutation runs of README « Concurrency »), every round runs
 * and the test fails at the end saying how many of the `n` failed, so a mutation is scored
 * « fails N of M rounds ».
 */
export async function rondes(n: number, round: (i: number) => Promise<void>): Promise<void> {
  const toutes = process.env.RONDES_TOUTES === '1';
  const echecs: { i: number; e: unknown }[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await round(i);
    } catch (e) {
      if (!toutes) throw e;
      echecs.push({ i, e });
    }
  }
  if (echecs.length) {
    const premier = echecs[0];
    const texte = premier.e instanceof Error ? premier.e.message : String(premier.e);
    throw new Error(`${echecs.length} of ${n} rounds failed (first: round ${premier.i + 1}): ${texte.slice(0, 600)}`);
  }
}

export interface DeuxApps extends TestApp {
  /** The second replica (own ORM, own pool of 4). */
  app2: Express;
  orm2: MikroORM;
  /** The two apps, in turn: apps(i) is the app of the i-th request of a burst. */
  apps: (i: number) => Express;
}

export function useDeuxApps(): DeuxApps {
  const t = useTestApp('isolee') as DeuxApps;
  beforeAll(async () => {
    t.orm2 = await MikroORM.init(ormConfig(inject('databaseUrlIsolee'), { pool: { min: 0, max: 4 } }));
    t.app2 = createApp(testContext(t.orm2, t.clock, t.storage));
    t.apps = (i: number) => (i % 2 === 0 ? t.app : t.app2);
  });
  afterAll(async () => {
    await t.orm2?.close(true);
  });
  return t;
}

/** n requests built by `fire(app, i)`, alternated between the two apps, all in flight together. */
export async function rafale(t: DeuxApps, n: number, fire: (app: Express, i: number) => PromiseLike<Response>): Promise<Response[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => fire(t.apps(i), i)));
}

/** Exactly one success (status `ok`), every other answer the 409 (or `perdant`) problem with this code. */
export function unSeulGagnant(rs: Response[], code: string, ok = 200, perdant = 409): Response {
  const statuts = rs.map((r) => r.status);
  const gagnants = rs.filter((r) => r.status === ok);
  expect(gagnants, `statuts : ${statuts.join(',')} ; ${JSON.stringify(rs.find((r) => r.status >= 500)?.body ?? '')}`).toHaveLength(1);
  const autres = rs.filter((r) => r.status !== ok);
  expect(autres.map((r) => r.status)).toEqual(autres.map(() => perdant));
  expect(new Set(autres.map((r) => r.body.code))).toEqual(new Set(autres.length ? [code] : []));
  return gagnants[0];
}

export async function compter(orm: MikroORM, sql: string, params: unknown[] = []): Promise<number> {
  const [r] = await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from (${sql}) x`, params);
  return r.n;
}

export const q = <T = Record<string, unknown>>(orm: MikroORM, sql: string, p: unknown[] = []) => orm.em.fork().execute<T[]>(sql, p);

/** A demandeur with a complete demande and a live portal session (opened directly: no password hashing per round). */
export async function demandeurConnecte(t: TestApp) {
  const d = await demandeurActif(t.orm);
  const demandeId = await demande(t.orm, d.id);
  const { token } = await openSession(t.orm.em.fork(), 'demandeur', d.id, t.clock.now(), { sessionAbsoluteHours: 12 });
  return { id: d.id, demandeId, token };
}

export type Demandeur = Awaited<ReturnType<typeof demandeurConnecte>>;

/** Between rounds the demandeur starts again with no open candidature (the filler and the won ones are cancelled). */
export async function remettreAZero(t: TestApp, d: Demandeur) {
  await q(t.orm, `update candidature set statut = 'annulee' where demandeur_id = ? and statut in ('deposee', 'en_instruction', 'transmise_bailleur')`, [d.id]);
}

/** An open candidature of the demandeur on the offer, inserted directly (the state a round starts from). */
export async function candidatureOuverte(t: TestApp, d: Demandeur, offreId: number) {
  const [c] = await q<{ id: number }>(
    t.orm,
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine)
     select 'CAN-C-' || ? || '-' || o.id || '-' || (random() * 1e9)::int, ?, ?, o.id, o.departement, o.nature, 'deposee', now(), 'portail' from offre o where o.id = ? returning id`,
    [d.id, d.demandeId, d.id, offreId],
  );
  return c.id;
}

/** `n` published offers of the demo territory (options as the portal fixture's). */
export async function offres(t: TestApp, n: number, o: Parameters<typeof offre>[2] = {}) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await offre(t.orm, t.clock.now(), o));
  return ids;
}

/** How many candidatures of the demandeur are still open. */
export async function ouvertes(t: TestApp, d: Demandeur) {
  return compter(t.orm, `select 1 from candidature where demandeur_id = ? and statut in ('deposee', 'en_instruction', 'transmise_bailleur')`, [d.id]);
}
