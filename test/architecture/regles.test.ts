import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACINE } from './graphe';
import { ecarts, fichiersDeTests, identifiantsInconnus, lirePage, titresDeTests } from './regles';

/** docs/regles.md, the rules in the repository's own words, cannot drift from the code and the tests. */
const page = lirePage(readFileSync(join(RACINE, 'docs/regles.md'), 'utf8'));

describe('docs/regles.md', () => {
  it('DOC-REGLES: every rule has its CGU article, its words, code files that name it and tests titled with it', () => {
    expect(page.length).toBeGreaterThanOrEqual(27);
    expect(ecarts(page)).toEqual([]);
  });

  it('DOC-REGLES: every rule id a test title names is on the page', () => {
    expect(identifiantsInconnus(page, fichiersDeTests())).toEqual([]);
  });

  it('DOC-REGLES: the checks see a missing file, an untitled test, a code file that does not name the rule, and an unknown id', () => {
    // Fake ids built from R, so that this file's own titles name none of them.
    const R = 'R-X';
    const sources: Record<string, string> = {
      'a.ts': `// ${R}-UN: la règle`,
      'b.ts': '// rien',
      'a.test.ts': `it('${R}-UN: prouvée', () => {}); it.each([1])('${R}-DEUX: %s', () => {}); describe(\`${R}-TROIS\`, () => {});`,
      'c.test.ts': `// ${R}-UN dans un commentaire seulement\nit('autre chose', () => {});`,
    };
    const lire = (f: string) => sources[f];
    const existe = (f: string) => f in sources;
    const regle = { id: 'R-X-UN', articles: ['§1'], texte: 'Une règle dite en plus de vingt caractères.', code: ['a.ts'], tests: ['a.test.ts'] };
    expect(ecarts([regle], lire, existe)).toEqual([]);
    expect(ecarts([{ ...regle, code: ['a.ts', 'b.ts', 'manque.ts'], tests: ['c.test.ts'] }], lire, existe)).toEqual([
      'R-X-UN : manque.ts n’existe pas',
      'R-X-UN : b.ts ne nomme pas la règle',
      'R-X-UN : aucun test de c.test.ts ne porte l’identifiant dans son titre',
    ]);
    expect(ecarts([{ ...regle, articles: [], code: [], tests: [] }], lire, existe)).toEqual([
      'R-X-UN : aucun article des CGU (§…)', 'R-X-UN : aucun fichier de code', 'R-X-UN : aucun test',
    ]);
    expect(titresDeTests(sources['a.test.ts'])).toEqual(['R-X-UN: prouvée', 'R-X-DEUX: %s', 'R-X-TROIS']);
    expect(identifiantsInconnus([regle], ['a.test.ts'], lire)).toEqual([
      'R-X-DEUX (nommé par a.test.ts) manque dans docs/regles.md',
      'R-X-TROIS (nommé par a.test.ts) manque dans docs/regles.md',
    ]);
  });
});
