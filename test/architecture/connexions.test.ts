import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fichiers, RACINE, rel, sansCommentaires } from './graphe';

/**
 * ARCH-TX (issue #12): `em.getConnection().execute(…)` runs on another pooled connection, outside
 * the transaction of `em`: a `select … for update` there locks nothing for the transaction, and a
 * request holding its transaction's connection while waiting for a second one starves the pool.
 * Inside a transaction: `tx.execute(…)`; outside any (seeds, scripts, test fixtures): `em.execute(…)`
 * on a fork. Scanned: the server, the seeds, the entry points and the test helpers.
 */
const DOSSIERS = ['server/src', 'seeds', 'bin', 'test/support'];

/**
 * The only places allowed to talk to a connection directly, each with why. An exception must still
 * be needed (the file still has such a call), so a stale one is removed rather than left to cover a
 * new mistake. (The health probe, server/src/db/sante.ts, and the migrations need none: the probe
 * has a pg pool of its own, the migrations run through the migrator.)
 */
const EXCEPTIONS: Record<string, string> = {
  'server/src/db/lecture.ts':
    'reads sent to a read replica (`getConnection(\'read\')`, SCALE-REPLICA): outside any transaction, for reads that decide nothing',
};

/** The source without its comments (a comment may name the trap to warn about it). */

/** Each `getConnection(…).execute` of a source: chained, or through a variable holding the connection. */
export function executionsHorsTransaction(source: string): string[] {
  const s = sansCommentaires(source);
  const fautes = [...s.matchAll(/getConnection\s*\([^()]*\)\s*\.\s*execute\b/g)].map((m) => m[0].replace(/\s+/g, ''));
  // A variable holding a connection: `= em.getConnection()`, or inside an expression (`= (lock ? em.getConnection() : em)`), not `getConnection().getKnex()`.
  for (const [, nom] of s.matchAll(/\b(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=[^;\n]*?getConnection\s*\([^()]*\)\s*(?![.\w])/g)) {
    for (const m of s.matchAll(new RegExp(`\\b${nom}\\s*\\.\\s*execute\\b`, 'g'))) fautes.push(`${nom} = getConnection(); ${m[0].replace(/\s+/g, '')}`);
  }
  return fautes;
}

const fautesDans = (f: string) => executionsHorsTransaction(readFileSync(join(RACINE, f), 'utf8'));

describe('architecture', () => {
  it('ARCH-TX: no getConnection().execute in server/src, seeds/, bin/ or test/support/ outside the listed exceptions (use tx.execute in the transaction, em.execute outside)', () => {
    const fautes = DOSSIERS.flatMap((d) => fichiers(join(RACINE, d)))
      .map(rel)
      .filter((f) => !(f in EXCEPTIONS))
      .flatMap((f) => fautesDans(f).map((x) => `${f}: ${x}`));
    expect(fautes, 'em.getConnection().execute sort de la transaction : utilisez tx.execute(…) (em.execute(…) hors transaction)').toEqual([]);
    for (const f of Object.keys(EXCEPTIONS)) {
      expect(existsSync(join(RACINE, f)), `${f} (liste d’exceptions)`).toBe(true);
      expect(fautesDans(f).length, `${f} n’a plus d’appel direct : retirez-le des exceptions`).toBeGreaterThan(0);
    }
  });

  it('ARCH-TX: the finder sees the chained and the variable forms, and ignores tx.execute, getKnex and comments', () => {
    expect(executionsHorsTransaction(`await em.getConnection().execute('select 1')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`await ctx.orm.em\n  .getConnection()\n  .execute<T[]>('select 1')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`await em.getConnection('write').execute('select 1')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`const conn = em.getConnection();\nconst [c] = await conn.execute('select * from t for update');\nawait conn.execute('x');`)).toHaveLength(2);
    expect(executionsHorsTransaction(`const c: Connection = tx.getConnection();\nawait c.execute('x')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`const conn = (lock ? em.getConnection() : em) as unknown as EntityManager;\nawait conn.execute('select 1 for update')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`await tx.execute('select 1 for update'); const knex = orm.em.getConnection().getKnex();`)).toEqual([]);
    expect(executionsHorsTransaction(`// em.getConnection().execute would take another pooled connection\n/* getConnection().execute */ const url = 'postgres://x';`)).toEqual([]);
  });
});
