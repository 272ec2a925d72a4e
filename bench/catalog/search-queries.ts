import type { SearchQueryInput } from '../../src/features/catalog/index.js';

const SORTS = ['relevance', 'modified', 'title'] as const;

/** A search a visitor or an API client makes, grouped by the kind of work it asks of the database. */
export interface SearchCase {
  type:
    | 'listing'
    | 'one word'
    | 'several words'
    | 'prefix'
    | 'facets only'
    | 'words + facets'
    | 'sorted by title'
    | 'deep page';
  /** Query string of GET /api/v1/datasets, without the "?". */
  query: string;
}

export const SEARCH_CASES: readonly SearchCase[] = [
  { type: 'listing', query: '' },
  { type: 'listing', query: 'per_page=100' },
  { type: 'one word', query: 'q=bus' },
  { type: 'one word', query: 'q=housing' },
  { type: 'one word', query: 'q=crime' },
  { type: 'several words', query: 'q=air+quality' },
  { type: 'several words', query: 'q=broadband+coverage' },
  { type: 'several words', query: 'q=bus+punctuality+by+month' },
  { type: 'prefix', query: 'q=broadb' },
  { type: 'prefix', query: 'q=hous' },
  { type: 'prefix', query: 'q=air+qual' },
  { type: 'facets only', query: 'theme=transport' },
  { type: 'facets only', query: 'organisation=calderbridge-council&theme=housing' },
  { type: 'facets only', query: 'tag=gis&format=GEOJSON&licence=OGL-UK-3.0' },
  { type: 'words + facets', query: 'q=bus&theme=transport&format=CSV' },
  { type: 'words + facets', query: 'q=air+quality&organisation=transport-for-greater-calder' },
  { type: 'words + facets', query: 'q=housing&licence=OGL-UK-3.0&tag=housing+supply' },
  { type: 'sorted by title', query: 'sort=title' },
  { type: 'sorted by title', query: 'q=recycling&sort=title' },
  { type: 'deep page', query: 'page=50' },
  { type: 'deep page', query: 'theme=environment&sort=title&page=20' },
  { type: 'deep page', query: 'q=bus&page=10' },
];

/** The same search as the service receives it, for timing below the HTTP layer. */
export function searchInput(query: string): SearchQueryInput {
  const params = new URLSearchParams(query);
  const list = (key: string) => {
    const values = params.getAll(key);
    return values.length === 0 ? undefined : values;
  };
  const number = (key: string) => (params.has(key) ? Number(params.get(key)) : undefined);
  const sort = SORTS.find((s) => s === params.get('sort'));
  return {
    q: params.get('q') ?? undefined,
    organisation: list('organisation'),
    theme: list('theme'),
    tag: list('tag'),
    format: list('format'),
    licence: list('licence'),
    sort,
    page: number('page'),
    per_page: number('per_page'),
  };
}
