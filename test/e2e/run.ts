/**
 * End-to-end runner (npm run e2e): starts the server the way `npm start` does (embedded
 * PostgreSQL in ./.data when DATABASE_URL is unset: migrations, demo seed), then runs every
 * scenario of ./scenarios in headless Chromium, each in a fresh browser context. Screenshots
 * land in test-results/e2e/. Exit code 1 when a scenario fails. The server delivers its mails by
 * SMTP to a sink started here (scenarios read them: `courriels`), as a real bailleur receives its link.
 *   npm run e2e                 all scenarios
 *   npm run e2e -- fraude       only scenarios whose file name contains "fraude"
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decoderMots, entetes, partie } from '@test/api/jobs/mime';
import { launchBrowser } from './browser';
import { startServer } from './server';
import type { BoiteCourriels, Courriel, Scenario } from './scenario';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve('test-results/e2e');
mkdirSync(outDir, { recursive: true });

const only = process.argv[2];
const files = readdirSync(path.join(here, 'scenarios'))
  .filter((f) => f.endsWith('.ts') && (!only || f.includes(only)))
  .sort();

// The SMTP sink: every mail the server delivers, decoded (the demo data's own mails included).
const recus: Courriel[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, fin) {
    let brut = '';
    stream.on('data', (d: Buffer) => {
      if (brut.length < 256 * 1024) brut += d.toString('utf8');
    });
    stream.on('end', () => {
      const h = entetes(brut);
      recus.push({ a: session.envelope.rcptTo.map((r) => r.address), sujet: decoderMots(h.subject ?? ''), texte: partie(brut, 'text/plain') ?? '', entetes: h });
      fin();
    });
  },
});
smtp.on('error', () => undefined);
await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
const courriels: BoiteCourriels = {
  async attendre(filtre, delaiMs = 90_000) {
    const limite = Date.now() + delaiMs;
    for (;;) {
      const m = recus.find(filtre);
      if (m) return m;
      if (Date.now() > limite) throw new Error(`no such mail after ${delaiMs} ms (${recus.length} received)`);
      await new Promise((r) => setTimeout(r, 250));
    }
  },
};

const started = Date.now();
const port = Number(process.env.E2E_PORT ?? 3100);
const server = await startServer({
  DATABASE_URL: process.env.DATABASE_URL,
  SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
  MAIL_RATE_PER_MINUTE: '100000',
  PUBLIC_URL: `http://127.0.0.1:${port}`,
}, port);
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
      courriels,
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
await new Promise<void>((r) => smtp.close(() => r()));
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
