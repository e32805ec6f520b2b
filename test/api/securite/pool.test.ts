import { afterAll, describe, expect, it } from 'vitest';
import { fileDAttentePleine, poolBorne } from '@server/travaux/poolBorne';

/**
 * The bounded pool under the PDF inspection and the bailleur's documents (issue #13, OWASP ASVS
 * V5.2): a task over its heap cap ends alone, a full queue refuses at once (the callers answer 429
 * SERVEUR_OCCUPE), an aborted task frees its place. The limits of the real pools are the same
 * options (LIMITES_INSPECTION, server/src/bailleur/travaux/pool.ts).
 */
const pool = poolBorne({ worker: new URL('../../support/travaux/essai.worker.mjs', import.meta.url), minThreads: 0, maxQueue: 1, memoireMo: 32 });
afterAll(() => pool.destroy());

describe('SEC-POOL: the bounded worker pool', () => {
  it('SEC-POOL-MEMOIRE: a task past the 32 MB heap cap fails alone; the next task runs', async () => {
    const debut = performance.now();
    const e = await pool.run(null, { name: 'gonfler' }).then(() => null, (x: unknown) => x as NodeJS.ErrnoException);
    expect(e?.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(performance.now() - debut).toBeLessThan(20_000);
    expect(await pool.run(5, { name: 'dormir' })).toBe(5);
  }, 30_000);

  it('SEC-POOL-FILE: two threads busy and the one place of the queue taken, the next task is refused at once', async () => {
    const occupees = [pool.run(800, { name: 'dormir' }), pool.run(800, { name: 'dormir' })];
    await new Promise((ok) => setTimeout(ok, 300)); // both started (threads created on demand)
    const enFile = pool.run(10, { name: 'dormir' });
    const debut = performance.now();
    const refus = await pool.run(10, { name: 'dormir' }).then(() => null, (x: unknown) => x);
    expect(fileDAttentePleine(refus)).toBe(true);
    expect(performance.now() - debut).toBeLessThan(100);
    expect(await Promise.all([...occupees, enFile])).toEqual([800, 800, 10]);
  }, 30_000);

  it('SEC-POOL-ARRET: an aborted task is answered at once and its place is free again', async () => {
    const arret = new AbortController();
    const longue = pool.run(5_000, { name: 'dormir', signal: arret.signal }).then(() => 'fini', (x: unknown) => (x as Error).name);
    await new Promise((ok) => setTimeout(ok, 200));
    const debut = performance.now();
    arret.abort();
    expect(await longue).toBe('AbortError');
    expect(performance.now() - debut).toBeLessThan(1_000);
    expect(await pool.run(1, { name: 'dormir' })).toBe(1);
  }, 30_000);
});
