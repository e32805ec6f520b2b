/**
 * End-to-end runner (npm run e2e): starts the server the way `npm start` does (embedded
 * PostgreSQL in ./.data when DATABASE_URL is unset: migrations, demo seed), then runs every
 * scenario of ./scenarios in headless Chromium, each in a fresh browser context. Screenshots
 * land in test-results/e2e/. Exit code 1 when a scenario fails.
 *   npm run e2e                 all scenarios
 *   npm run e2e -- fraude       only scenarios whose file name contains "fraude"
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './browser';
import { startServer } from './server';
import type { Scenario } from './scenario';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve('test-results/e2e');
mkdirSync(outDir, { recursive: true });

const only = process.argv[2];
const files = readdirSync(path.join(here, 'scenarios'))
  .filter((f) => f.endsWith('.ts') && (!only || f.includes(only)))
  .sort();

const started = Date.now();
const server = await startServer({ DATABASE_URL: process.env.DATABASE_URL }, Number(process.env.E2E_PORT ?? 3100));
console.log(`server healthy in ${((Date.now() - started) / 1000).toFixed(1)} s at ${server.base}`);
const browser = await launchBrowser();
let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, 'scenarios', file)).href)) as { scenario: Scenario };
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // The console must run under its Content-Security-Policy: any violation fails the scenario.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const name = file.replace(/\.ts$/, '');
  const t = Date.now();
  try {
    await mod.scenario({
      page,
      base: server.base,
      shot: (label) => page.screenshot({ path: path.join(outDir, `${name}-${label}.png`), fullPage: false }).then(() => undefined),
    });
    if (violations.length) throw new Error(`CSP violée :\n${violations.join('\n')}`);
    console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed += 1;
    await page.screenshot({ path: path.join(outDir, `${name}-ECHEC.png`) }).catch(() => undefined);
    console.error(`✗ ${name}: ${e instanceof Error ? e.stack : e}`);
  } finally {
    await context.close();
  }
}
await browser.close();
await server.stop();
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
