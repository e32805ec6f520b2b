/** Timing helpers of the bench: percentiles, a timed loop, the markdown table. */
import os from 'node:os';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  const r = (v: number) => Math.round(v * 10) / 10;
  return { n: s.length, p50: r(q(50)), p95: r(q(95)), p99: r(q(99)), max: r(s[s.length - 1] ?? NaN) };
}

/** `warmup` untimed runs, then `n` timed runs, one after the other; `preparer` runs untimed before each. */
export async function chronometrer(n: number, warmup: number, f: () => Promise<unknown>, preparer?: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < warmup; i++) {
    await preparer?.();
    await f();
  }
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    await preparer?.();
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return stats(ms);
}

export function charge() {
  const [a, b, c] = os.loadavg();
  return { '1min': Math.round(a * 100) / 100, '5min': Math.round(b * 100) / 100, '15min': Math.round(c * 100) / 100 };
}

export interface ResultatCas {
  cas: string;
  objectifP95: number | null;
  api: Stats;
  sql: Stats | null;
  /** API p50 / best SQL p50. */
  ratio: number | null;
  /** The API and the best SQL returned the same ids in the same order. */
  memesLignes: boolean | null;
  details?: string;
  atteint: boolean | null;
}

const f = (v: number | undefined | null) => (v == null || Number.isNaN(v) ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v} ms`);

export function tableauMarkdown(resultats: ResultatCas[]): string {
  const lignes = [
    '| cas | API p50 / p95 / p99 | meilleur SQL p50 / p95 | ratio p50 | objectif p95 | atteint | mêmes lignes |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of resultats) {
    lignes.push(`| ${r.cas}${r.details ? ` (${r.details})` : ''} | ${f(r.api.p50)} / ${f(r.api.p95)} / ${f(r.api.p99)} | ${r.sql ? `${f(r.sql.p50)} / ${f(r.sql.p95)}` : '—'} | ${r.ratio ?? '—'} | ${r.objectifP95 == null ? 'tenu' : f(r.objectifP95)} | ${r.atteint == null ? '—' : r.atteint ? 'oui' : '**non**'} | ${r.memesLignes == null ? '—' : r.memesLignes ? 'oui' : '**non**'} |`);
  }
  return lignes.join('\n');
}
