import { performance } from 'node:perf_hooks';
import { searchPath } from '../catalog/search-latency.js';
import type { SearchCase } from '../catalog/search-queries.js';

/** One search over HTTP, from before fetch() to the parsed body; throws on a failed answer. */
async function timed(origin: string, path: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(origin + path);
  const body = (await res.json()) as { total?: unknown };
  const ms = performance.now() - started;
  if (res.status !== 200 || typeof body.total !== 'number') {
    throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return ms;
}

/** Every case in turn, one request at a time, `rounds` times: milliseconds per request. */
export async function searchRounds(
  origin: string,
  cases: readonly SearchCase[],
  rounds: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) out.push(await timed(origin, searchPath(c)));
  }
  return out;
}

/**
 * Searches one at a time, cycling through the cases, until `work` settles: what a visitor sees
 * while the catalogue is being written. Returns the work's result and the latencies.
 */
export async function searchWhile<T>(
  origin: string,
  cases: readonly SearchCase[],
  work: Promise<T>,
): Promise<{ result: T; samples: number[] }> {
  const state = { settled: false };
  const done = work.finally(() => {
    state.settled = true;
  });
  const samples: number[] = [];
  for (let i = 0; !state.settled; i = (i + 1) % cases.length) {
    const c = cases[i];
    if (c) samples.push(await timed(origin, searchPath(c)));
  }
  return { result: await done, samples };
}
