import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fichiers, RACINE } from './graphe';

/**
 * ARCH-TX (issue #12): `em.getConnection().execute(…)` runs on another pooled connection, outside
 * the transaction of `em`: a `select … for update` there locks nothing for the transaction, and a
 * request holding its transaction's connection while waiting for a second one starves the pool.
 * Inside a transaction: `tx.execute(…)`. The only places allowed to talk to a connection directly:
 * the health probe (its own pool), the migrations, and the reads sent to a read replica
 * (db/lecture.ts: outside any transaction only, for reads that decide nothing; SCALE-REPLICA).
 */
const AUTORISES = ['server/src/db/sante.ts', 'server/src/db/lecture.ts'];
const DOSSIERS_AUTORISES = ['server/src/db/migrations/'];

/** The source without its comments (a comment may name the trap to warn about it). */
const sansCommentaires = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');

/** Each `getConnection(…).execute` of a source: chained, or through a variable holding the connection. */
export function executionsHorsTransaction(source: string): string[] {
  const s = sansCommentaires(source);
  const fautes = [...s.matchAll(/getConnection\s*\([^()]*\)\s*\.\s*execute\b/g)].map((m) => m[0].replace(/\s+/g, ''));
  for (const [, nom] of s.matchAll(/\b(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=\s*[\w.!?]*getConnection\s*\([^()]*\)\s*(?![.\w])/g)) {
    for (const m of s.matchAll(new RegExp(`\\b${nom}\\s*\\.\\s*execute\\b`, 'g'))) fautes.push(`${nom} = getConnection(); ${m[0].replace(/\s+/g, '')}`);
  }
  return fautes;
}

describe('architecture', () => {
  it('ARCH-TX: no getConnection().execute in server/src outside the health probe, the replica reads and the migrations (use tx.execute in the transaction)', () => {
    const fautes = fichiers(join(RACINE, 'server/src'))
      .map((f) => relative(RACINE, f).replaceAll('\\', '/'))
      .filter((f) => !AUTORISES.includes(f) && !DOSSIERS_AUTORISES.some((d) => f.startsWith(d)))
      .flatMap((f) => executionsHorsTransaction(readFileSync(join(RACINE, f), 'utf8')).map((x) => `${f}: ${x}`));
    expect(fautes, 'em.getConnection().execute sort de la transaction : utilisez tx.execute(…)').toEqual([]);
    for (const f of [...AUTORISES, ...DOSSIERS_AUTORISES]) expect(existsSync(join(RACINE, f)), `${f} (liste d’exceptions)`).toBe(true);
  });

  it('ARCH-TX: the finder sees the chained and the variable forms, and ignores tx.execute, getKnex and comments', () => {
    expect(executionsHorsTransaction(`await em.getConnection().execute('select 1')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`await ctx.orm.em\n  .getConnection()\n  .execute<T[]>('select 1')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`await em.getConnection('write').execute('select 1')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`const conn = em.getConnection();\nconst [c] = await conn.execute('select * from t for update');\nawait conn.execute('x');`)).toHaveLength(2);
    expect(executionsHorsTransaction(`const c: Connection = tx.getConnection();\nawait c.execute('x')`)).toHaveLength(1);
    expect(executionsHorsTransaction(`await tx.execute('select 1 for update'); const knex = orm.em.getConnection().getKnex();`)).toEqual([]);
    expect(executionsHorsTransaction(`// em.getConnection().execute would take another pooled connection\n/* getConnection().execute */ const url = 'postgres://x';`)).toEqual([]);
  });
});
