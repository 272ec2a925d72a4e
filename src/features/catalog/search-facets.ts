import type { ReadableScope } from '../accounts/index.js';
import type { SearchIndex } from './search-index.js';
import { facetRanks, rankedIndex } from './search-index-order.js';
import type { TextMatches } from './search-text.repository.js';
import {
  FACETS,
  type FacetName,
  type FacetValue,
  type SearchPage,
  type SearchParams,
} from './search-types.js';

const FACET_LIMIT = 50;

/** The same rule as visibleDatasets(): deleted datasets are not in the index at all. */
function visibleTo(index: SearchIndex, scope: ReadableScope): (p: number) => boolean {
  if (scope.all) return () => true;
  const own = new Set(scope.organisationIds);
  return (p) => index.open[p] === 1 || own.has(index.organisationIds[p] ?? '');
}

/** The active filters: which facet, and a mask of the chosen values (unknown ones match none). */
function chosen(index: SearchIndex, params: SearchParams) {
  return FACETS.flatMap((facet, position) => {
    const raw = params.filters[facet];
    if (raw.length === 0) return [];
    // Resource formats are stored upper-case; the SQL compared them upper-cased, as here.
    const wanted = facet === 'format' ? raw.map((x) => x.toUpperCase()) : raw;
    const { numbers, values } = index.facets[facet];
    const mask = new Uint8Array(values.length);
    for (const v of wanted) {
      const n = numbers.get(v);
      if (n !== undefined) mask[n] = 1;
    }
    return [{ position, mask }];
  });
}

function facetList(index: SearchIndex, facet: FacetName, counts: Uint32Array): FacetValue[] {
  const { values, labels, rank } = index.facets[facet];
  const used: number[] = [];
  counts.forEach((n, i) => {
    if (n > 0) used.push(i);
  });
  // Most used first; ties by label (value for tags and formats).
  used.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0));
  return used.slice(0, FACET_LIMIT).map((i) => ({
    value: values[i] ?? '',
    label: labels[i] ?? '',
    count: counts[i] ?? 0,
  }));
}

/**
 * Filters, counts and pages in one pass over the candidates. Facet counts are disjunctive: a
 * dataset that passes every filter counts in every facet; one that fails exactly one filter
 * still counts in that filter's own facet, which is "every filter except the facet's own".
 */
export function searchInIndex(
  index: SearchIndex,
  scope: ReadableScope,
  params: SearchParams,
  matches: TextMatches,
): SearchPage {
  const readable = visibleTo(index, scope);
  const since = params.modifiedSince;
  // A time filter narrows what is searched at all, like the scope: it is not a facet.
  const visible =
    since === undefined
      ? readable
      : (p: number) => (index.modified[p] ?? 0) >= since && readable(p);
  const filters = chosen(index, params);
  facetRanks(index);
  const { columns } = index;
  const counts = FACETS.map((f) => new Uint32Array(index.facets[f].values.length));
  const tally = (f: number, p: number) => {
    const column = columns[f];
    const c = counts[f];
    if (!column || !c) return;
    const end = column.ends[p] ?? 0;
    for (let i = column.starts[p] ?? 0; i < end; i++) {
      const n = column.values[i] ?? 0;
      c[n] = (c[n] ?? 0) + 1;
    }
  };
  const passes = (mask: Uint8Array, f: number, p: number) => {
    const column = columns[f];
    if (!column) return false;
    const end = column.ends[p] ?? 0;
    for (let i = column.starts[p] ?? 0; i < end; i++) if (mask[column.values[i] ?? 0]) return true;
    return false;
  };
  // Without words, walk the live datasets in order; with words, the matches, each dataset once.
  const score = new Float64Array(matches ? index.ids.length : 0);
  const seen = new Uint8Array(score.length);
  const matched: number[] | null = matches ? [] : null;
  matches?.forEach((s, key) => {
    const p = index.textKeys.get(key);
    if (p === undefined || seen[p] || !index.alive[p]) return;
    seen[p] = 1;
    score[p] = s;
    matched?.push(p);
  });
  const order = matched ?? (params.sort === 'title' ? index.byTitle : index.byModified);
  const hits: number[] = [];
  for (const p of order) {
    if (!visible(p)) continue;
    let failed = -1;
    let failures = 0;
    for (const { position, mask } of filters) {
      if (!passes(mask, position, p)) {
        failed = position;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failed >= 0) {
      tally(failed, p);
      continue;
    }
    hits.push(p);
    for (let f = 0; f < FACETS.length; f++) tally(f, p);
  }
  if (matches) {
    // Relevance ties, and the other sorts, as the SQL ordered them: newest first, then by id.
    const { titleRank: title, modifiedRank: newest } = rankedIndex(index);
    const by: (a: number, b: number) => number =
      params.sort === 'relevance'
        ? (a, b) => (score[a] ?? 0) - (score[b] ?? 0) || (newest[a] ?? 0) - (newest[b] ?? 0)
        : params.sort === 'title'
          ? (a, b) => (title[a] ?? 0) - (title[b] ?? 0)
          : (a, b) => (newest[a] ?? 0) - (newest[b] ?? 0);
    hits.sort(by);
  }
  const offset = (params.page - 1) * params.perPage;
  return {
    total: hits.length,
    ids: hits.slice(offset, offset + params.perPage).map((p) => index.ids[p] ?? ''),
    facets: Object.fromEntries(
      FACETS.map((f, i) => [f, facetList(index, f, counts[i] ?? new Uint32Array())]),
    ) as Record<FacetName, FacetValue[]>,
  };
}
