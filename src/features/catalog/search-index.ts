import type { DatasetRows, IndexedDataset, SearchIndexRows } from './search-index.repository.js';
import { orderAll, reorder } from './search-index-order.js';
import type { FacetColumn, FacetValues, SearchIndex } from './search-index-types.js';
import { OPENNESS_GRADES, QUALITY_GRADES } from './dataset-ratings.js';
import type { KeyedMatches } from './search-text.repository.js';
import { FACETS, type FacetName } from './search-types.js';

export type { SearchIndex, TextMatches } from './search-index-types.js';

// Faceted search counts and sorts in memory: seven grouped SQL queries per search, each
// re-running the filters, cost 30-130 ms on 10,000 datasets; one pass over compact arrays costs
// about a millisecond. Only the full-text match stays in SQL. The index is built once and then
// kept up to date in place from the datasets each write changed (search-index-cache.ts), so a
// harvest writing thousands of datasets never makes a search rebuild it.

function facetValues(values: string[] = [], labels: string[] = values): FacetValues {
  return { values, labels, numbers: new Map(values.map((v, i) => [v, i])), rank: [] };
}

function valueNumber(facet: FacetValues, value: string): number {
  let n = facet.numbers.get(value);
  if (n === undefined) {
    n = facet.values.length;
    facet.values.push(value);
    facet.labels.push(value);
    facet.numbers.set(value, n);
    facet.rank = [];
  }
  return n;
}

function writeColumn(column: FacetColumn, p: number, numbers: number[]) {
  const start = column.values.length;
  if (p < column.starts.length) column.garbage += (column.ends[p] ?? 0) - (column.starts[p] ?? 0);
  column.starts[p] = start;
  for (const n of numbers) column.values.push(n);
  column.ends[p] = column.values.length;
}

/** Rewrites the column without the entries no slot points to. */
function compact(column: FacetColumn) {
  const values: number[] = [];
  for (let p = 0; p < column.starts.length; p++) {
    const start = values.length;
    for (let i = column.starts[p] ?? 0; i < (column.ends[p] ?? 0); i++)
      values.push(column.values[i] ?? 0);
    column.starts[p] = start;
    column.ends[p] = values.length;
  }
  column.values = values;
  column.garbage = 0;
}

function emptyIndex(rows: SearchIndexRows): SearchIndex {
  return {
    facets: {
      organisation: facetValues(
        rows.organisations.map((o) => o.slug),
        rows.organisations.map((o) => o.name),
      ),
      theme: facetValues(
        rows.themes.map((t) => t.slug),
        rows.themes.map((t) => t.title),
      ),
      tag: facetValues(),
      format: facetValues(),
      licence: facetValues(),
      openness: facetValues(
        OPENNESS_GRADES.map(([v]) => v),
        OPENNESS_GRADES.map(([, label]) => label),
      ),
      quality: facetValues(
        QUALITY_GRADES.map(([v]) => v),
        QUALITY_GRADES.map(([, label]) => label),
      ),
    },
    columns: FACETS.map(() => ({ starts: [], ends: [], values: [], garbage: 0 })),
    postings: FACETS.map(() => []),
    openCounts: FACETS.map(() => []),
    openTotal: 0,
    ids: [],
    slotOf: new Map(),
    alive: [],
    textKeys: new Map(),
    textKeyOf: [],
    organisationIds: [],
    organisationSlugs: new Map(rows.organisations.map((o) => [o.id, o.slug])),
    modified: [],
    open: [],
    private: [],
    draft: [],
    titles: [],
    slugs: [],
    createdAt: [],
    modifiedAt: [],
    byModified: [],
    ranked: false,
    modifiedRank: [],
    byTitle: [],
    titleRank: [],
    dead: 0,
  };
}

const lists = (grouped: { dataset_id: string; list: string }[]) =>
  new Map(grouped.map((g) => [g.dataset_id, JSON.parse(g.list) as string[]]));

/**
 * Puts slot p's facet values, as its columns hold them, into the postings and open counts
 * (sign 1), or takes them out (-1).
 */
function list(index: SearchIndex, p: number, sign: 1 | -1) {
  const open = index.open[p] === 1;
  if (open) index.openTotal += sign;
  index.columns.forEach((column, f) => {
    const postings = index.postings[f] ?? [];
    const counts = index.openCounts[f] ?? [];
    const end = column.ends[p] ?? 0;
    for (let i = column.starts[p] ?? 0; i < end; i++) {
      const n = column.values[i] ?? 0;
      const slots = (postings[n] ??= new Set());
      if (sign > 0) slots.add(p);
      else slots.delete(p);
      if (open) counts[n] = (counts[n] ?? 0) + sign;
    }
  });
}

function kill(index: SearchIndex, p: number) {
  if (!index.alive[p]) return;
  list(index, p, -1);
  index.alive[p] = 0;
  index.slotOf.delete(index.ids[p] ?? '');
  const key = index.textKeyOf[p];
  if (key !== undefined && index.textKeys.get(key) === p) index.textKeys.delete(key);
  index.textKeyOf[p] = undefined;
  index.dead += 1;
}

/**
 * Writes the datasets of `rows` into their slots (new ones at the end); `changed` lists every
 * dataset id to bring in line, so one missing from `rows` or deleted is removed. The slots
 * written or removed, or null when a row names an organisation the index does not know (then
 * only a reload is right).
 */
function writeRows(index: SearchIndex, rows: DatasetRows, changed: Iterable<string>) {
  const tags = lists(rows.datasetTags);
  const themes = lists(rows.datasetThemes);
  const formats = lists(rows.datasetFormats);
  const ratings = new Map(rows.ratings.map((r) => [r.dataset_id, r]));
  const keys = rows.textRows && new Map(rows.textRows.map((r) => [r.dataset_id, r.text_key]));
  const byId = new Map(rows.datasets.map((d) => [d.id, d]));
  const touched: number[] = [];
  for (const id of changed) {
    const d: IndexedDataset | undefined = byId.get(id);
    const old = index.slotOf.get(id);
    if (!d || d.state === 'deleted') {
      if (old !== undefined) {
        kill(index, old);
        touched.push(old);
      }
      continue;
    }
    const organisation = index.organisationSlugs.get(d.organisation_id);
    if (organisation === undefined) return null;
    if (old !== undefined) list(index, old, -1);
    const p = old ?? index.ids.length;
    index.ids[p] = d.id;
    index.slotOf.set(d.id, p);
    index.alive[p] = 1;
    index.organisationIds[p] = d.organisation_id;
    // 0 for a time that does not parse, so that orders stay consistent.
    index.modified[p] = Date.parse(d.modified_at) || 0;
    index.open[p] = d.state === 'active' && d.visibility === 'public' ? 1 : 0;
    index.private[p] = d.visibility === 'private' ? 1 : 0;
    index.draft[p] = d.state === 'draft' ? 1 : 0;
    index.titles[p] = d.title;
    index.slugs[p] = d.slug;
    index.createdAt[p] = d.created_at;
    index.modifiedAt[p] = d.modified_at;
    const key = keys ? keys.get(d.id) : d.id;
    if (key !== undefined) {
      index.textKeys.set(key, p);
      index.textKeyOf[p] = key;
    }
    const rating = ratings.get(d.id);
    const perFacet: Record<FacetName, string[]> = {
      organisation: [organisation],
      theme: themes.get(d.id) ?? [],
      tag: tags.get(d.id) ?? [],
      format: formats.get(d.id) ?? [],
      licence: [d.licence],
      openness: rating ? [String(rating.openness)] : [],
      quality: rating ? [rating.quality] : [],
    };
    FACETS.forEach((f, i) => {
      const facet = index.facets[f];
      const column = index.columns[i];
      if (column)
        writeColumn(
          column,
          p,
          perFacet[f].map((v) => valueNumber(facet, v)),
        );
    });
    list(index, p, 1);
    touched.push(p);
  }
  for (const column of index.columns) {
    if (column.garbage > column.values.length / 2) compact(column);
  }
  return touched;
}

/** Builds the index; rows that refer to something missing (a write mid-load) are skipped. */
export function buildSearchIndex(rows: SearchIndexRows): SearchIndex {
  const index = emptyIndex(rows);
  const known = rows.datasets.filter((d) => index.organisationSlugs.has(d.organisation_id));
  writeRows(
    index,
    { ...rows, datasets: known },
    known.map((d) => d.id),
  );
  orderAll(index);
  return index;
}

/**
 * Brings the index in line with the datasets `changed` lists, from their current `rows`.
 * False when only a reload can: an unknown organisation, or too many dead slots.
 */
export function applyChanges(index: SearchIndex, rows: DatasetRows, changed: Set<string>): boolean {
  const touched = writeRows(index, rows, changed);
  if (touched === null) return false;
  reorder(index, touched);
  return index.dead <= Math.max(1000, index.ids.length / 5);
}

/** Full-text matches keyed by the index's slots; rows the index does not hold are left out. */
export function matchesBySlot(index: SearchIndex, keyed: KeyedMatches): Map<number, number> {
  const bySlot = new Map<number, number>();
  keyed.forEach((score, key) => {
    const p = index.textKeys.get(key);
    if (p !== undefined) bySlot.set(p, score);
  });
  return bySlot;
}
