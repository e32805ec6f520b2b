/** Tasks for the bounded pool's own tests (test/api/securite/pool.test.ts). */
export function dormir(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return ms;
}

/** Keeps allocating until the thread's heap cap ends it. */
export function gonfler() {
  const tas = [];
  for (;;) tas.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
}

export function pret() {
  return true;
}
