import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fichiers, RACINE, rel } from './graphe';

/**
 * UI-FR: react-admin translates every text of its AutocompleteInput but the one shown when nothing
 * matches, which MUI then writes in English (« No options »). Each AutocompleteInput of the console
 * names it, as a translation key (`ra.navigation.no_results`: « Aucun résultat ») or one of ours.
 */
export function autocompletesSansTexteVide(source: string): number {
  let n = 0;
  for (const m of source.matchAll(/<AutocompleteInput\b([\s\S]*?)\/>/g)) if (!/\bnoOptionsText=/.test(m[1])) n++;
  return n;
}

describe('UI-FR: the autocompletes of the console say « no result » in the user\'s language', () => {
  it('UI-FR: the check finds an AutocompleteInput without noOptionsText', () => {
    expect(autocompletesSansTexteVide(`<AutocompleteInput optionText="nom" />`)).toBe(1);
    expect(autocompletesSansTexteVide(`<AutocompleteInput\n  optionText="nom"\n  noOptionsText="ra.navigation.no_results"\n/>`)).toBe(0);
  });
  it('UI-FR: every AutocompleteInput of console/src names its text for no result', () => {
    const fautifs = fichiers(join(RACINE, 'console/src'))
      .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
      .filter((f) => autocompletesSansTexteVide(readFileSync(f, 'utf8')) > 0)
      .map(rel);
    expect(fautifs).toEqual([]);
  });
});
