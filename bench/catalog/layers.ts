import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/context.js';
import { anonymous } from '../../src/features/accounts/actor.js';
import { readableScope } from '../../src/features/accounts/policy.js';
import { searchCatalogue } from '../../src/features/catalog/dataset-search.service.js';
import {
  FACETS,
  searchDatasets,
  type FacetName,
  type SearchParams,
} from '../../src/features/catalog/dataset-search.repository.js';
import { searchInput, type SearchCase } from './search-queries.js';

export interface LayerSamples {
  /** searchDatasets(): the SQL only (count, page of ids, five facets). */
  repository: number[];
  /** searchCatalogue(): the SQL plus loading and shaping the page of results. */
  service: number[];
}

// Mirrors the defaults searchCatalogue() applies, so the repository runs the same queries.
function repositoryParams(query: string): SearchParams {
  const input = searchInput(query);
  const q = (input.q ?? '').trim();
  const filters = Object.fromEntries(
    FACETS.map((f) => [f, [input[f] ?? []].flat().filter((x) => x !== '')]),
  ) as Record<FacetName, string[]>;
  return {
    q,
    filters,
    sort: input.sort ?? (q ? 'relevance' : 'modified'),
    page: input.page ?? 1,
    perPage: input.per_page ?? 20,
  };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * The same searches timed below HTTP, one entry per case, for the ratio baseline: how much of a request's time is
 * SQL, how much is shaping results, and how much is Fastify, JSON and the socket.
 */
export async function measureLayers(
  ctx: AppContext,
  cases: readonly SearchCase[],
  rounds: number,
): Promise<LayerSamples[]> {
  const scope = readableScope(anonymous);
  const prepared = cases.map((c) => ({
    params: repositoryParams(c.query),
    input: searchInput(c.query),
    samples: { repository: [] as number[], service: [] as number[] },
  }));
  for (let round = 0; round < rounds + 1; round++) {
    for (const { params, input, samples } of prepared) {
      const repository = await time(() => searchDatasets(ctx.db, scope, params));
      const service = await time(() => searchCatalogue(ctx, anonymous, input));
      // The first round only warms up.
      if (round > 0) {
        samples.repository.push(repository);
        samples.service.push(service);
      }
    }
  }
  return prepared.map((p) => p.samples);
}
