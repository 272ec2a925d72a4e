import { performance } from 'node:perf_hooks';
import type { SearchCase } from './search-queries.js';

export interface CaseSamples {
  case: SearchCase;
  /** Datasets the search matched (`total` in the response). */
  total: number;
  /** Milliseconds, one per request. */
  samples: number[];
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

export const searchPath = (c: SearchCase) => `/api/v1/datasets${c.query ? `?${c.query}` : ''}`;

/**
 * Each search in turn, `rounds` times, one request at a time: latency without queueing, which is
 * what one visitor sees. `warmup` rounds first fill the caches and JIT and are not counted.
 */
export async function measureSearches(
  origin: string,
  cases: readonly SearchCase[],
  rounds: number,
  warmup: number,
): Promise<CaseSamples[]> {
  const out = cases.map((c): CaseSamples => ({ case: c, total: -1, samples: [] }));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const entry of out) {
      const { ms, total } = await timedSearch(origin, searchPath(entry.case));
      if (entry.total >= 0 && entry.total !== total) {
        throw new Error(
          `GET ${searchPath(entry.case)}: total changed from ${entry.total} to ${total}`,
        );
      }
      entry.total = total;
      if (round >= warmup) entry.samples.push(ms);
    }
  }
  return out;
}
