import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACINE } from './graphe';

/** The Markdown pages of the repository a clone reads first. */
const PAGES = ['README.md', ...readdirSync(join(RACINE, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Relative link targets and `../…` paths of a page that point outside the repository or at nothing. */
function liensCasses(page: string, texte: string, existe = (f: string) => existsSync(f)): string[] {
  const cibles = [
    ...[...texte.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((c) => !/^[a-z]+:/i.test(c)),
    ...[...texte.matchAll(/`(\.\.\/[^`\s]+)`/g)].map((m) => m[1]),
  ];
  return cibles.flatMap((c) => {
    const chemin = resolve(RACINE, dirname(page), c);
    if (relative(RACINE, chemin).startsWith('..')) return [`${page} → ${c} sort du dépôt`];
    return existe(chemin) ? [] : [`${page} → ${c} n’existe pas`];
  });
}

describe('links of the Markdown pages', () => {
  it('DOC-LIENS: README and docs/ link only to files of the repository', () => {
    expect(PAGES.flatMap((p) => liensCasses(p, readFileSync(join(RACINE, p), 'utf8')))).toEqual([]);
  });

  it('DOC-LIENS: a link or a path that leaves the repository, or names a missing file, is reported', () => {
    const texte = 'Voir [les règles](docs/regles.md), [la spec](../shared/spec/domain.md), [rien](docs/absent.md), `../shared/seed/cgu.txt` et [le site](https://example.org).';
    expect(liensCasses('README.md', texte, (f) => f.endsWith('docs/regles.md'))).toEqual([
      'README.md → ../shared/spec/domain.md sort du dépôt',
      'README.md → docs/absent.md n’existe pas',
      'README.md → ../shared/seed/cgu.txt sort du dépôt',
    ]);
  });
});
