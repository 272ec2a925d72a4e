import { FACETS, type FacetName } from '../../search-types.js';

export type Sort = 'relevance' | 'modified' | 'title';

/** Everything a search page shows depends on, so a URL can hold it whole. */
export interface SearchState {
  q: string;
  filters: Record<FacetName, string[]>;
  sort: Sort | undefined;
  page: number;
  /** Only when the URL asked for a page size; the service's default otherwise. */
  perPage: number | undefined;
}

const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x.trim() !== '');

export function searchStateOf(
  query: {
    q?: string | undefined;
    sort?: Sort | undefined;
    page?: number | undefined;
    per_page?: number | undefined;
  } & Partial<Record<FacetName, string | string[] | undefined>>,
): SearchState {
  return {
    q: (query.q ?? '').trim(),
    // Tags are stored lower-case and formats upper-case (the service matches them so), and so
    // are their checkboxes' values.
    filters: Object.fromEntries(
      FACETS.map((f) => {
        const values = list(query[f]);
        const cased =
          f === 'tag'
            ? values.map((v) => v.toLowerCase())
            : f === 'format'
              ? values.map((v) => v.toUpperCase())
              : values;
        return [f, [...new Set(cased)]];
      }),
    ) as Record<FacetName, string[]>,
    sort: query.sort,
    page: query.page ?? 1,
    perPage: query.per_page,
  };
}

/** The URL of a search state; empty parts are left out so links stay short. */
export function searchHref(state: SearchState, base = '/datasets'): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FACETS) for (const v of state.filters[f]) params.append(f, v);
  if (state.sort) params.set('sort', state.sort);
  if (state.perPage !== undefined) params.set('per_page', String(state.perPage));
  if (state.page > 1) params.set('page', String(state.page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/** The same search without one filter value, back on page 1. */
export function withoutFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  return {
    ...state,
    filters: { ...state.filters, [facet]: state.filters[facet].filter((v) => v !== value) },
    page: 1,
  };
}
