import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * shared/ is pure TypeScript used by server and console (architecture.md): it never imports a
 * framework, a database driver, nor code of server/ or console/.
 */
const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RACINE = resolve(SHARED, '..');
const INTERDITS = [/^express(\/|$)/, /^@mikro-orm\//, /^react(\/|$)/, /^react-dom(\/|$)/, /^react-admin(\/|$)/, /^pg(\/|$)/];
const IMPORT = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function fichiers(dossier: string): string[] {
  return readdirSync(dossier).flatMap((nom) => {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) return nom === 'node_modules' ? [] : fichiers(chemin);
    return /\.(c|m)?[jt]sx?$/.test(nom) ? [chemin] : [];
  });
}

function importsDe(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

function importInterdit(fichier: string, specifier: string): boolean {
  if (INTERDITS.some((re) => re.test(specifier))) return true;
  const cible = specifier.startsWith('.') ? resolve(dirname(fichier), specifier) : resolve(RACINE, specifier);
  const relatif = relative(RACINE, cible).split('\\').join('/');
  return /^(server|console)(\/|$)/.test(relatif) || /^(server|console)\//.test(specifier);
}

describe('purity of shared/', () => {
  it('ARCH-PURE (architecture.md): no file under shared/ imports express, @mikro-orm, react, react-admin, pg, server/ or console/', () => {
    const fautes = fichiers(SHARED).flatMap((f) =>
      importsDe(readFileSync(f, 'utf8'))
        .filter((s) => importInterdit(f, s))
        .map((s) => `${relative(RACINE, f)} → ${s}`),
    );
    expect(fautes).toEqual([]);
  });

  it('ARCH-PURE (architecture.md): the scan catches every forbidden form', () => {
    const f = join(SHARED, 'rules', 'x.ts');
    // written with § for quotes, so that this very file passes the scan above
    const source = [
      'import express from §express§;',
      'import { MikroORM } from §@mikro-orm/core§;',
      'import type { FC } from §react§;',
      'export { Admin } from §react-admin§;',
      'const pg = require(§pg§);',
      'const m = await import(§../../server/src/app§);',
      'import §../../console/src/main§;',
      'import { ok } from §./ok§;',
      'import { z } from §zod§;',
    ]
      .join('\n')
      .replaceAll('§', "'");
    const trouves = importsDe(source);
    expect(trouves).toHaveLength(9);
    expect(trouves.filter((s) => importInterdit(f, s))).toEqual([
      'express',
      '@mikro-orm/core',
      'react',
      'react-admin',
      'pg',
      '../../server/src/app',
      '../../console/src/main',
    ]);
    expect(importInterdit(f, 'server/src/app')).toBe(true);
    expect(importInterdit(f, 'pg-boss')).toBe(false);
    expect(importInterdit(f, 'reactive')).toBe(false);
  });
});
