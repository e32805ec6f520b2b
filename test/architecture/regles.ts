import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RACINE, fichiers } from './graphe';

/** One rule of docs/regles.md: `### R-…`, then its CGU articles, its words, its code and its tests. */
export interface RegleDocumentee {
  id: string;
  articles: string[];
  texte: string;
  code: string[];
  tests: string[];
}

export const ID_REGLE = /\bR-[A-Z0-9]+(?:-[A-Z0-9]+)*/g;
const idsDe = (texte: string): string[] => texte.match(ID_REGLE) ?? [];

const chemins = (ligne: string | undefined) => [...(ligne ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);

export function lirePage(texte: string): RegleDocumentee[] {
  return texte.split(/^### /m).slice(1).map((bloc) => {
    const [titre, ...lignes] = bloc.split('\n');
    const champ = (nom: string) => {
      const i = lignes.findIndex((l) => l.startsWith(`- **${nom}** :`));
      if (i < 0) return undefined;
      const suite = lignes.slice(i + 1);
      const fin = suite.findIndex((l) => !l.startsWith('  '));
      return [lignes[i], ...suite.slice(0, fin < 0 ? suite.length : fin)].join(' ').replace(/^- \*\*[^*]+\*\* :\s*/, '').replace(/\s+/g, ' ').trim();
    };
    return {
      id: titre.trim(),
      articles: (champ('CGU') ?? '').match(/§\d+(?:\.\d+)*/g) ?? [],
      texte: champ('Règle') ?? '',
      code: chemins(champ('Code')),
      tests: chemins(champ('Tests')),
    };
  });
}

/** Test titles (it, test, describe, with .each and friends) of a test file's source. */
export function titresDeTests(source: string): string[] {
  const TITRE = /\b(?:it|test|describe)(?:\.(?:each|skip|only|concurrent|sequential)(?:\([\s\S]*?\))?)?\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*?)\1/g;
  return [...source.matchAll(TITRE)].map((m) => m[2]);
}

/** Every test file of the repository, relative to its root. */
export function fichiersDeTests(): string[] {
  return ['shared', 'server', 'console/src', 'seeds', 'test']
    .flatMap((d) => fichiers(join(RACINE, d)))
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => f.slice(RACINE.length + 1).split('\\').join('/'));
}

/** What keeps the page true: each problem in words, none when the page and the code agree. */
export function ecarts(regles: RegleDocumentee[], lire = (f: string) => readFileSync(join(RACINE, f), 'utf8'), existe = (f: string) => existsSync(join(RACINE, f))): string[] {
  const out: string[] = [];
  const vus = new Set<string>();
  for (const r of regles) {
    if (!/^R-[A-Z0-9]+(?:-[A-Z0-9]+)*$/.test(r.id)) out.push(`« ${r.id} » n’est pas un identifiant de règle`);
    if (vus.has(r.id)) out.push(`${r.id} apparaît deux fois`);
    vus.add(r.id);
    if (r.articles.length === 0) out.push(`${r.id} : aucun article des CGU (§…)`);
    if (r.texte.length < 20) out.push(`${r.id} : la règle n’est pas dite`);
    if (r.code.length === 0) out.push(`${r.id} : aucun fichier de code`);
    if (r.tests.length === 0) out.push(`${r.id} : aucun test`);
    for (const f of [...r.code, ...r.tests]) if (!existe(f)) out.push(`${r.id} : ${f} n’existe pas`);
    for (const f of r.code.filter(existe)) {
      if (!new RegExp(`${r.id}(?![-A-Z0-9])`).test(lire(f))) out.push(`${r.id} : ${f} ne nomme pas la règle`);
    }
    for (const f of r.tests.filter(existe)) {
      if (!titresDeTests(lire(f)).some((t) => idsDe(t).includes(r.id))) out.push(`${r.id} : aucun test de ${f} ne porte l’identifiant dans son titre`);
    }
  }
  return out;
}

/** Rule ids named in test titles of these files that the page lacks, with a file naming each. */
export function identifiantsInconnus(regles: RegleDocumentee[], tests: string[], lire = (f: string) => readFileSync(join(RACINE, f), 'utf8')): string[] {
  const connus = new Set(regles.map((r) => r.id));
  const out = new Map<string, string>();
  for (const f of tests) for (const t of titresDeTests(lire(f))) for (const id of t.match(ID_REGLE) ?? []) if (!connus.has(id) && !out.has(id)) out.set(id, f);
  return [...out].map(([id, f]) => `${id} (nommé par ${f}) manque dans docs/regles.md`);
}
