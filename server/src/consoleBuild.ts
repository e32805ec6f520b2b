import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIST } from './app';

/** `npm start` right after `npm install`: build the console once if it has never been built. */
export async function ensureConsoleBuilt(log: (m: string) => void) {
  if (existsSync(path.join(CONSOLE_DIST, 'index.html')) || process.env.SKIP_CONSOLE_BUILD === '1') return;
  log('Première exécution : construction de la console (vite build)…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('La construction de la console a échoué (npm run build pour le détail).');
}
