import { Piscina } from 'piscina';

/**
 * A worker pool for heavy parsing off the event loop (OWASP ASVS V5.2): at most two threads, a
 * bounded heap per thread, idle threads ended after a minute and a bounded queue (a full queue
 * rejects at once: `fileDAttentePleine`). The worker's `.mjs` entry loads its TypeScript itself, so
 * no loader flag of the parent (tsx's, vitest's) is inherited.
 */
export function poolBorne(o: { worker: URL; minThreads: number; maxQueue: number; memoireMo: number }): Piscina {
  return new Piscina({
    filename: o.worker.href,
    minThreads: o.minThreads,
    maxThreads: 2,
    idleTimeout: 60_000,
    maxQueue: o.maxQueue,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: o.memoireMo, maxYoungGenerationSizeMb: 32 },
  });
}

/**
 * The rejection of a task when the pool's queue is full (answered 429 SERVEUR_OCCUPE by the callers):
 * piscina's « Task queue is at limit » (and « No task queue available… » with a queue of 0).
 * SEC-POOL-FILE fails if piscina words it otherwise.
 */
export const fileDAttentePleine = (e: unknown) => e instanceof Error && /^Task queue is at limit$|^No task queue available/.test(e.message);
