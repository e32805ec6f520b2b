import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLES = /\.(js|mjs|css|html|svg|json|txt)$/i;

/** Writes `x.br` (brotli, quality 11) and `x.gz` (gzip -9) beside every text file of `dir` over 1 kB; returns the files done. */
export function precompresser(dir: string): string[] {
  const faits: string[] = [];
  const parcourir = (d: string) => {
    for (const nom of readdirSync(d)) {
      const f = path.join(d, nom);
      if (statSync(f).isDirectory()) parcourir(f);
      else if (COMPRESSIBLES.test(nom) && statSync(f).size > 1024) {
        const contenu = readFileSync(f);
        writeFileSync(f + '.br', brotliCompressSync(contenu, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: contenu.length } }));
        writeFileSync(f + '.gz', gzipSync(contenu, { level: 9 }));
        faits.push(f);
      }
    }
  };
  parcourir(dir);
  return faits;
}

/** Vite plugin: precompress the build once it is written (served by server/src/http/statiques.ts). */
export function precompression(): Plugin {
  let sortie = '';
  return {
    name: 'als-precompression',
    apply: 'build',
    configResolved(c) {
      sortie = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      precompresser(sortie);
    },
  };
}
