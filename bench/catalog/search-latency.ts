import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import { layerCalls } from './layers.js';
import type { SearchCase } from './search-queries.js';

export interface CaseSamples {
  case: SearchCase;
  /** Datasets the search matched (`total` in the response). */
  total: number;
  /** Milliseconds per request over HTTP, the headline numbers. */
  http: number[];
  /** The same search through searchDatasets() (no result rows), for the ratio baseline. */
  repository: number[];
  /** The same search through searchCatalogue() (SQL and shaping, no HTTP). */
  service: number[];
}

function checkBody(path: string, status: number, body: unknown): number {
  const b = body as { total?: unknown; results?: unknown; facets?: unknown } | null;
  if (
    status !== 200 ||
    typeof b?.total !== 'number' ||
    !Array.isArray(b.results) ||
    typeof b.facets !== 'object' ||
    b.facets === null
  ) {
    throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return b.total;
}

/** One request, timed from before fetch() to the parsed JSON body, checked for its shape. */
async function timedSearch(origin: string, path: string): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const res = await fetch(origin + path);
  const body: unknown = await res.json();
  const ms = performance.now() - started;
  return { ms, total: checkBody(path, res.status, body) };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export const searchPath = (c: SearchCase) => `/api/v1/datasets${c.query ? `?${c.query}` : ''}`;

/**
 * Each search in turn, `rounds` times, one request at a time: latency without queueing, which is
 * what one visitor sees. After each request the same search runs below HTTP, interleaved so that
 * a noisy neighbour slows all three layers alike and their ratio stays meaningful. `warmup`
 * rounds first fill the caches and the JIT and are not counted.
 */
export async function measureSearches(
  ctx: AppContext,
  origin: string,
  cases: readonly SearchCase[],
  rounds: number,
  warmup: number,
): Promise<CaseSamples[]> {
  const entries = cases.map((c) => {
    const samples: CaseSamples = { case: c, total: -1, http: [], repository: [], service: [] };
    return { calls: layerCalls(ctx, c.query), samples };
  });
  for (let round = 0; round < warmup + rounds; round++) {
    for (const { calls, samples } of entries) {
      const path = searchPath(samples.case);
      const { ms, total } = await timedSearch(origin, path);
      if (samples.total >= 0 && samples.total !== total) {
        throw new Error(`GET ${path}: total changed from ${samples.total} to ${total}`);
      }
      samples.total = total;
      const repository = await time(calls.repository);
      const service = await time(calls.service);
      if (round >= warmup) {
        samples.http.push(ms);
        samples.repository.push(repository);
        samples.service.push(service);
      }
    }
  }
  return entries.map((e) => e.samples);
}
