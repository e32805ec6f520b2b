import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The module graph of the repository's own TypeScript, as the architecture tests read it. */
export const RACINE = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The path aliases of tsconfig.json (the one place they are set), as prefix → folder. */
export function alias(): Array<[string, string]> {
  const tsconfig = JSON.parse(readFileSync(join(RACINE, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.entries(tsconfig.compilerOptions.paths).map(([cle, [cible]]) => [cle.replace(/\*$/, ''), resolve(RACINE, cible.replace(/\*$/, ''))]);
}

const IMPORT = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|vi\.mock\(\s*['"]([^'"]+)['"]/g;

export function fichiers(dossier: string): string[] {
  if (!existsSync(dossier)) return [];
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) return ['node_modules', 'dist', '.data'].includes(nom) ? [] : fichiers(chemin);
    return /\.(ts|tsx)$/.test(nom) && !nom.endsWith('.d.ts') ? [chemin] : [];
  });
}

export function specifieurs(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** The file an import names, or null for a package. */
export function resoudre(depuis: string, specifieur: string, prefixes = alias()): string | null {
  let base: string | null = null;
  if (specifieur.startsWith('.')) base = resolve(dirname(depuis), specifieur);
  else for (const [prefixe, dossier] of prefixes) if (specifieur.startsWith(prefixe)) base = join(dossier, specifieur.slice(prefixe.length));
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return base;
}

export const rel = (f: string) => relative(RACINE, f).split('\\').join('/');

/** A TypeScript source without its comments (so a pattern in a comment is not found). */
export const sansCommentaires = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');

/** Every edge file → imported file among the given folders. */
export function graphe(dossiers: string[]): Map<string, string[]> {
  const prefixes = alias();
  const g = new Map<string, string[]>();
  for (const d of dossiers) {
    for (const f of fichiers(join(RACINE, d))) {
      const cibles = specifieurs(readFileSync(f, 'utf8'))
        .map((s) => resoudre(f, s, prefixes))
        .filter((c): c is string => c !== null);
      g.set(rel(f), cibles.map(rel));
    }
  }
  return g;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const bas = new Map<string, number>();
  const pile: string[] = [];
  const surPile = new Set<string>();
  const resultat: string[][] = [];
  const visiter = (v: string) => {
    indices.set(v, index);
    bas.set(v, index);
    index++;
    pile.push(v);
    surPile.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!indices.has(w)) {
        visiter(w);
        bas.set(v, Math.min(bas.get(v)!, bas.get(w)!));
      } else if (surPile.has(w)) bas.set(v, Math.min(bas.get(v)!, indices.get(w)!));
    }
    if (bas.get(v) === indices.get(v)) {
      const composante: string[] = [];
      let w: string;
      do {
        w = pile.pop()!;
        surPile.delete(w);
        composante.push(w);
      } while (w !== v);
      if (composante.length > 1 || (g.get(v) ?? []).includes(v)) resultat.push(composante.sort());
    }
  };
  for (const v of g.keys()) if (!indices.has(v)) visiter(v);
  return resultat;
}
