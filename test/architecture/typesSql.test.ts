import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fichiers, RACINE, rel, sansCommentaires } from './graphe';

/**
 * QUERY-TYPES (README « Writing a query »): a row type is built from the generated table types
 * (server/src/db/schema.ts), so it follows the migrations. The one restatement this test can tell
 * reliably: a status typed `string` (`statut`, `statut_compte`, `statutCompte`…). Every status
 * column of the schema has a `check (… in …)`, whose values schema.ts carries: `string` drops them,
 * and a renamed or added value goes unnoticed. Write `Pick<CandidatureTable, 'statut'>` or
 * `CandidatureTable['statut']` (or the shared enum type).
 */
const EXCLUS = ['server/src/db/schema.ts'];
const DOSSIERS_EXCLUS = ['server/src/db/migrations/'];

/** The source without its comments, strings of SQL included as they are (a `statut: string` is a type). */

/** Each `statut…: string` (property, optional or not) of a source. */
export function statutsEnTexte(source: string): string[] {
  return [...sansCommentaires(source).matchAll(/\b(statut\w*)\??\s*:\s*string\b(?!\s*\[)/gi)].map((m) => m[0].replace(/\s+/g, ' '));
}

describe('architecture', () => {
  it('QUERY-TYPES: no status restated as `string` in server/src (row types from server/src/db/schema.ts)', () => {
    const fautes = fichiers(join(RACINE, 'server/src'))
      .map(rel)
      .filter((f) => !EXCLUS.includes(f) && !DOSSIERS_EXCLUS.some((d) => f.startsWith(d)))
      .flatMap((f) => statutsEnTexte(readFileSync(join(RACINE, f), 'utf8')).map((x) => `${f}: ${x}`));
    expect(fautes, 'typez le statut depuis server/src/db/schema.ts : Pick<…Table, "statut"> ou …Table["statut"]').toEqual([]);
  });

  it('QUERY-TYPES: the finder sees inline, interface and optional forms, and leaves typed statuses, string arrays and comments alone', () => {
    const source = `
      tx.execute<{ id: number; statut: string }[]>(sql);
      interface Ligne {
        statut_compte: string;
        statutCompte?: string;
      }
      type Bon = Pick<CandidatureTable, 'statut'> & { statut2: CandidatureTable['statut']; statuts: string[] };
      // statut: string in a comment
      /** statut_compte: string */`;
    expect(statutsEnTexte(source)).toEqual(['statut: string', 'statut_compte: string', 'statutCompte?: string']);
  });
});
