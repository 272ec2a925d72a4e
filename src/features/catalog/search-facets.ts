import type { ReadableScope } from '../accounts/index.js';
import type { SearchIndex } from './search-index.js';
import type { FacetColumn, TextMatches } from './search-index-types.js';
import { byModified, byTitle, facetRanks } from './search-index-order.js';
import { firstInOrder } from './search-top.js';
import {
  FACETS,
  type FacetName,
  type FacetValue,
  type SearchPage,
  type SearchParams,
} from './search-types.js';

const FACET_LIMIT = 50;

/**
 * Filters on a few values are answered from their postings when these hold at most this share of
 * the catalogue; beyond it, walking every dataset in order costs no more and needs no sorting.
 */
const FEW = 1 / 4;

interface Filter {
  position: number;
  mask: Uint8Array;
  values: number[];
}

/** The same rule as visibleDatasets(): deleted datasets are not in the index at all. */
function visibleTo(index: SearchIndex, scope: ReadableScope, since?: number) {
  const own = new Set(scope.organisationIds);
  const readable = scope.all
    ? () => true
    : (p: number) => index.open[p] === 1 || own.has(index.organisationIds[p] ?? '');
  // A time filter narrows what is searched at all, like the scope: it is not a facet.
  return since === undefined
    ? readable
    : (p: number) => (index.modified[p] ?? 0) >= since && readable(p);
}

/** The active filters: which facet, and its chosen values (unknown ones match none). */
function chosen(index: SearchIndex, params: SearchParams): Filter[] {
  return FACETS.flatMap((facet, position) => {
    const raw = params.filters[facet];
    if (raw.length === 0) return [];
    // Resource formats are stored upper-case; the SQL compared them upper-cased, as here.
    const wanted = facet === 'format' ? raw.map((x) => x.toUpperCase()) : raw;
    const { numbers, values } = index.facets[facet];
    const mask = new Uint8Array(values.length);
    const chosenValues: number[] = [];
    for (const v of wanted) {
      const n = numbers.get(v);
      if (n !== undefined && !mask[n]) {
        mask[n] = 1;
        chosenValues.push(n);
      }
    }
    return [{ position, mask, values: chosenValues }];
  });
}

/** Facets whose values are grades, listed best first (as numbered) rather than most used. */
const GRADED: ReadonlySet<FacetName> = new Set(['openness', 'quality']);

function facetList(index: SearchIndex, facet: FacetName, counts: ArrayLike<number>): FacetValue[] {
  const { values, labels, rank } = index.facets[facet];
  const used: number[] = [];
  for (let i = 0; i < counts.length; i++) if ((counts[i] ?? 0) > 0) used.push(i);
  // Most used first; ties by label (value for tags and formats).
  if (!GRADED.has(facet))
    used.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0));
  return used.slice(0, FACET_LIMIT).map((i) => ({
    value: values[i] ?? '',
    label: labels[i] ?? '',
    count: counts[i] ?? 0,
  }));
}

const facetLists = (index: SearchIndex, counts: readonly ArrayLike<number>[]) =>
  Object.fromEntries(FACETS.map((f, i) => [f, facetList(index, f, counts[i] ?? [])])) as Record<
    FacetName,
    FacetValue[]
  >;

/** No words, no filters, as anyone sees it: the kept counts and the first open datasets. */
function openPage(index: SearchIndex, params: SearchParams): SearchPage {
  const order = params.sort === 'title' ? index.byTitle : index.byModified;
  const wanted = params.page * params.perPage;
  const page: number[] = [];
  for (let r = 0; r < order.length && page.length < wanted; r++) {
    const p = order[r] ?? 0;
    if (index.open[p] === 1) page.push(p);
  }
  return {
    total: index.openTotal,
    ids: page.slice(wanted - params.perPage).map((p) => index.ids[p] ?? ''),
    facets: facetLists(index, index.openCounts),
  };
}

/**
 * The slots a search with these filters must look at, when few: a dataset counted at all fails
 * at most one filter, so it passes one of the two most selective ones (with a single filter,
 * datasets failing it count only in its own facet, which the caller takes from the kept counts).
 * Null when walking everything is as cheap.
 */
function fewCandidates(index: SearchIndex, filters: Filter[]): number[] | null {
  const sized = filters
    .map((f) => {
      const postings = index.postings[f.position] ?? [];
      const sets = f.values.flatMap((n) => postings[n] ?? []);
      return { sets, size: sets.reduce((sum, s) => sum + s.size, 0) };
    })
    .sort((a, b) => a.size - b.size)
    .slice(0, 2);
  const size = sized.reduce((sum, s) => sum + s.size, 0);
  if (size > (index.ids.length - index.dead) * FEW) return null;
  const seen = new Uint8Array(index.ids.length);
  const slots: number[] = [];
  for (const { sets } of sized) {
    for (const set of sets) {
      for (const p of set) {
        if (seen[p]) continue;
        seen[p] = 1;
        slots.push(p);
      }
    }
  }
  return slots;
}

/** The live slots of the matches, with their scores put in `score`. */
function matchedSlots(index: SearchIndex, matches: Map<number, number>, score: Float64Array) {
  const { alive } = index;
  const slots: number[] = [];
  // forEach, not for-of: no entry array made per match.
  matches.forEach((s, p) => {
    if (!alive[p]) return;
    score[p] = s;
    slots.push(p);
  });
  return slots;
}

/** Adds slot p's values in `column` to `counts`. */
function tally(counts: Uint32Array, column: FacetColumn, p: number) {
  const { values } = column;
  const end = column.ends[p] ?? 0;
  for (let i = column.starts[p] ?? 0; i < end; i++) {
    const n = values[i] ?? 0;
    counts[n] = (counts[n] ?? 0) + 1;
  }
}

function passes(column: FacetColumn, mask: Uint8Array, p: number) {
  const { values } = column;
  const end = column.ends[p] ?? 0;
  for (let i = column.starts[p] ?? 0; i < end; i++) if (mask[values[i] ?? 0]) return true;
  return false;
}

/**
 * Filters and counts in one pass over `slots`. Facet counts are disjunctive: a dataset that
 * passes every filter counts in every facet; one that fails exactly one filter still counts in
 * that filter's own facet, which is "every filter except the facet's own".
 */
function walk(
  index: SearchIndex,
  slots: readonly number[],
  filters: Filter[],
  visible: (p: number) => boolean,
) {
  const columns = index.columns;
  const counts = FACETS.map((f) => new Uint32Array(index.facets[f].values.length));
  const hits: number[] = [];
  for (const p of slots) {
    if (!visible(p)) continue;
    let failed = -1;
    let failures = 0;
    for (const { position, mask } of filters) {
      const column = columns[position];
      if (column && passes(column, mask, p)) continue;
      failed = position;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    if (failed >= 0) {
      const column = columns[failed];
      const c = counts[failed];
      if (column && c) tally(c, column, p);
      continue;
    }
    hits.push(p);
    for (let f = 0; f < columns.length; f++) {
      const column = columns[f];
      const c = counts[f];
      if (column && c) tally(c, column, p);
    }
  }
  return { hits, counts };
}

/** The page of hits, the total and the facet counts, for what the scope may see. */
export function searchInIndex(
  index: SearchIndex,
  scope: ReadableScope,
  params: SearchParams,
  matches: TextMatches,
): SearchPage {
  const filters = chosen(index, params);
  facetRanks(index);
  // Anonymous visitors see the open datasets, whose counts every write keeps up to date.
  const openOnly =
    !scope.all && scope.organisationIds.length === 0 && params.modifiedSince === undefined;
  if (openOnly && !matches && filters.length === 0) return openPage(index, params);
  // With words, the matches; with selective filters, their postings; otherwise every live
  // dataset in order (then hits come out in order and need no sorting).
  const score = new Float64Array(matches ? index.ids.length : 0);
  const few = matches
    ? matchedSlots(index, matches, score)
    : filters.length >= (openOnly ? 1 : 2)
      ? fewCandidates(index, filters)
      : null;
  const slots = few ?? (params.sort === 'title' ? index.byTitle : index.byModified);
  const open = index.open;
  const visible = openOnly
    ? (p: number) => open[p] === 1
    : visibleTo(index, scope, params.modifiedSince);
  const { hits, counts } = walk(index, slots, filters, visible);
  const only = filters.length === 1 ? filters[0] : undefined;
  if (!matches && few && only) {
    // Only the filter's postings were walked; its own facet counts everything visible.
    counts[only.position] = Uint32Array.from(index.openCounts[only.position] ?? []);
  }
  const wanted = params.page * params.perPage;
  const newest = byModified(index);
  // Relevance ties, and the other sorts, as the SQL ordered them: newest first, then by id.
  const order =
    params.sort === 'title'
      ? byTitle(index)
      : matches && params.sort === 'relevance'
        ? (a: number, b: number) => (score[a] ?? 0) - (score[b] ?? 0) || newest(a, b)
        : newest;
  const first = few ? firstInOrder(hits, wanted, order) : hits.slice(0, wanted);
  return {
    total: hits.length,
    ids: first.slice(wanted - params.perPage).map((p) => index.ids[p] ?? ''),
    facets: facetLists(index, counts),
  };
}
