import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cycles, fichiers, graphe, RACINE, rel, resoudre, specifieurs } from './graphe';

/**
 * The parts of the repository and the direction of their dependencies (README, "Architecture"):
 * shared ← server ← seeds ← bin; shared ← console. Nothing imports the demo data but the
 * composition root (bin/) and the tests; no module depends on itself through others.
 */
const g = graphe(['bin', 'server', 'shared', 'console/src', 'seeds', 'test']);

describe('architecture', () => {
  it('ARCH-SEEDS: nothing under server/ or shared/ imports seeds/', () => {
    const fautes = [...g].flatMap(([f, cibles]) =>
      /^(server|shared)\//.test(f) ? cibles.filter((c) => c.startsWith('seeds/')).map((c) => `${f} → ${c}`) : [],
    );
    expect(fautes).toEqual([]);
  });

  it('ARCH-CONSOLE: server/ never imports console/, and console/ never imports server/ or seeds/', () => {
    const fautes = [...g].flatMap(([f, cibles]) =>
      cibles
        .filter((c) => (f.startsWith('server/') && c.startsWith('console/')) || (f.startsWith('console/') && /^(server|seeds)\//.test(c)))
        .map((c) => `${f} → ${c}`),
    );
    expect(fautes).toEqual([]);
  });

  it('ARCH-ALIAS: an import that leaves its part (server, shared, console, seeds, bin, test) uses the part\'s alias, never ../../…', () => {
    const partie = (f: string) => f.split('/')[0];
    const fautes: string[] = [];
    for (const d of ['bin', 'server', 'shared', 'console', 'seeds', 'test']) {
      for (const f of fichiers(join(RACINE, d))) {
        for (const s of specifieurs(readFileSync(f, 'utf8'))) {
          if (!s.startsWith('.')) continue;
          const cible = resoudre(f, s);
          if (cible && partie(rel(cible)) !== partie(rel(f))) fautes.push(`${rel(f)} → ${s}`);
        }
      }
    }
    expect(fautes, 'utilisez @shared/…, @server/…, @console/…, @seeds/…, @test/…').toEqual([]);
  });

  it('ARCH-CYCLES: no import cycle (type-only imports included)', () => {
    expect(cycles(g)).toEqual([]);
  });

  it('ARCH-CYCLES: the cycle finder sees a cycle through three files and ignores a chain', () => {
    const chaine = new Map([['a', ['b']], ['b', ['c']], ['c', []]]);
    expect(cycles(chaine)).toEqual([]);
    const boucle = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(boucle)).toEqual([['a', 'b', 'c']]);
  });
});
