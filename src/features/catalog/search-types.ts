// The shapes of a catalogue search, shared by the SQL side (dataset-search.repository.ts) and the
// in-memory side (search-index.ts, search-facets.ts) without an import cycle between them.

export type FacetName =
  'organisation' | 'theme' | 'tag' | 'format' | 'licence' | 'openness' | 'quality';
export const FACETS: readonly FacetName[] = [
  'organisation',
  'theme',
  'tag',
  'format',
  'licence',
  'openness',
  'quality',
];

export interface SearchParams {
  q: string;
  filters: Record<FacetName, string[]>;
  sort: 'relevance' | 'modified' | 'title';
  page: number;
  perPage: number;
  /** Only datasets modified at or after this time (epoch milliseconds), when given. */
  modifiedSince?: number | undefined;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchPage {
  total: number;
  ids: string[];
  facets: Record<FacetName, FacetValue[]>;
}
