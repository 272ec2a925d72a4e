import { FACETS, type FacetName, type FacetValue } from '../../search-types.js';
import { paginationFor, rangeText } from '../../../../platform/views/pagination.js';
import { datasetItem, type FoundDataset } from '../shared/dataset-results.js';
import { searchHref, withoutFilter, type SearchState, type Sort } from './search-url.js';

export const FACET_TITLES: Record<FacetName, string> = {
  organisation: 'Publisher',
  theme: 'Theme',
  tag: 'Tag',
  format: 'Format',
  licence: 'Licence',
  openness: 'Openness',
  quality: 'Metadata quality',
};

/** Facet values shown before "and N more" is left to the search box; selected ones always show. */
const SHOWN_PER_FACET = 12;

export interface FoundPage {
  total: number;
  per_page: number;
  results: FoundDataset[];
  facets: Record<FacetName, FacetValue[]>;
}

function facetGroup(state: SearchState, facet: FacetName, values: FacetValue[]) {
  const selected = new Set(state.filters[facet]);
  const top = values.slice(0, SHOWN_PER_FACET);
  // A selected value may have dropped out of the counts (no match left): it still shows, so it
  // can be unticked.
  const missing = [...selected]
    .filter((v) => !top.some((t) => t.value === v))
    .map((v) => values.find((t) => t.value === v) ?? { value: v, label: v, count: 0 });
  const items = [...top, ...missing].map((v) => ({
    value: v.value,
    text: `${v.label} (${v.count.toLocaleString('en-GB')})`,
    checked: selected.has(v.value),
  }));
  return { name: facet, title: FACET_TITLES[facet], items, more: values.length > top.length };
}

function labelOf(found: FoundPage, facet: FacetName, value: string): string {
  return found.facets[facet].find((v) => v.value === value)?.label ?? value;
}

/** The search page's locals: results, facet checkboxes, active filters, sort and pages. */
export function searchView(state: SearchState, found: FoundPage) {
  const sort: Sort = state.sort ?? (state.q ? 'relevance' : 'modified');
  const active = FACETS.flatMap((facet) =>
    state.filters[facet].map((value) => ({
      facet: FACET_TITLES[facet],
      label: labelOf(found, facet, value),
      removeHref: searchHref(withoutFilter(state, facet, value)),
    })),
  );
  return {
    q: state.q,
    perPage: state.perPage,
    total: found.total,
    range: rangeText(state.page, found.per_page, found.total),
    results: found.results.map(datasetItem),
    facets: FACETS.map((f) => facetGroup(state, f, found.facets[f])),
    active,
    clearHref: searchHref({ ...state, filters: withoutAll(), page: 1 }),
    sortItems: [
      { value: 'relevance', text: 'Best match', selected: sort === 'relevance' },
      { value: 'modified', text: 'Recently updated', selected: sort === 'modified' },
      { value: 'title', text: 'Title (A to Z)', selected: sort === 'title' },
    ],
    pagination: paginationFor(state.page, found.per_page, found.total, (page) =>
      searchHref({ ...state, page }),
    ),
  };
}

const withoutAll = () =>
  Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as Record<FacetName, string[]>;
