import type { AppContext } from '../../src/context.js';
import { anonymous, readableScope } from '../../src/features/accounts/index.js';
import {
  searchCatalogue,
  FACETS,
  searchDatasets,
  type FacetName,
  type SearchParams,
} from '../../src/features/catalog/index.js';
import { searchInput } from './search-queries.js';

/** One search run below HTTP, at the two layers under the route. */
export interface LayerCalls {
  /** searchDatasets(): the full-text query, then filters, counts and order in memory. */
  repository: () => Promise<unknown>;
  /** searchCatalogue(): the same plus loading and shaping the page of results. */
  service: () => Promise<unknown>;
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

/** The search of `query` (a query string) as the route would run it for an anonymous visitor. */
export function layerCalls(ctx: AppContext, query: string): LayerCalls {
  const scope = readableScope(anonymous);
  const params = repositoryParams(query);
  const input = searchInput(query);
  return {
    repository: () => searchDatasets(ctx.db, scope, params),
    service: () => searchCatalogue(ctx, anonymous, input),
  };
}
