import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import {
  loadSearchIndexRows,
  readSearchGeneration,
  type DatasetList,
  type SearchIndexRows,
} from './search-index.repository.js';
import { FACETS, type FacetName } from './search-types.js';

// Faceted search counts and sorts in memory: seven grouped SQL queries per search, each
// re-running the filters, cost 30-130 ms on 10,000 datasets; one pass over compact arrays costs
// about a millisecond. Only the full-text match stays in SQL. Each process keeps one copy per
// database and reloads it when the catalogue's generation (bumped by triggers, see migration
// 0003) moves on, so a write anywhere is seen by the very next search everywhere.

/** The distinct values of one facet; a value's number is its place in the database's order. */
export interface FacetValues {
  values: string[];
  labels: string[];
  numbers: Map<string, number>;
}

/** The facet values of every dataset: those of dataset p are `values[starts[p] .. starts[p+1])`. */
export interface FacetColumn {
  starts: Uint32Array;
  values: Uint32Array;
}

/**
 * Datasets are numbered 0..n-1 newest first (`modified_at desc, id`), so a dataset's number is
 * its place in that order and a listing reads the typed arrays front to back.
 */
export interface SearchIndex {
  facets: Record<FacetName, FacetValues>;
  /** In FACETS order. */
  columns: FacetColumn[];
  ids: string[];
  /** Full-text row key (SQLite rowid, PostgreSQL dataset id) to dataset number. */
  textKeys: Map<number | string, number>;
  organisationIds: string[];
  /** Each dataset's modification time (epoch milliseconds), for `modifiedSince`. */
  modified: Float64Array;
  /** 1 when active and public: readable by anyone. */
  open: Uint8Array;
  /** Dataset numbers in `title, id` order, and each dataset's place in it. */
  byTitle: Uint32Array;
  titleRank: Uint32Array;
  /** Per dataset, for searches that filter or show more than the facets (the CKAN API's fq). */
  slugs: string[];
  createdAt: string[];
  modifiedAt: string[];
  /** 1 when private (whatever the state), 1 when a draft. */
  private: Uint8Array;
  draft: Uint8Array;
}

function facetValues(values: string[], labels: string[] = values): FacetValues {
  return { values, labels, numbers: new Map(values.map((v, i) => [v, i])) };
}

/** Packs each dataset's value numbers (unknown values, from a write mid-load, are skipped). */
function packColumn(perDataset: string[][], facet: FacetValues): FacetColumn {
  const numbers = perDataset.map((list) => list.flatMap((v) => facet.numbers.get(v) ?? []));
  const starts = new Uint32Array(numbers.length + 1);
  numbers.forEach((list, p) => {
    starts[p + 1] = (starts[p] ?? 0) + list.length;
  });
  const values = new Uint32Array(starts[numbers.length] ?? 0);
  numbers.forEach((list, p) => {
    values.set(list, starts[p]);
  });
  return { starts, values };
}

/** Builds the index; rows that refer to something missing (a write mid-load) are skipped. */
export function buildSearchIndex(rows: SearchIndexRows): SearchIndex {
  const facets: Record<FacetName, FacetValues> = {
    organisation: facetValues(
      rows.organisations.map((o) => o.slug),
      rows.organisations.map((o) => o.name),
    ),
    theme: facetValues(
      rows.themes.map((t) => t.slug),
      rows.themes.map((t) => t.title),
    ),
    tag: facetValues(rows.tags),
    format: facetValues(rows.formats),
    licence: facetValues(rows.licences),
  };
  const slugOf = new Map(rows.organisations.map((o) => [o.id, o.slug]));
  const datasets = rows.datasets.filter((d) => slugOf.has(d.organisation_id));
  const numberOf = new Map(datasets.map((d, p) => [d.id, p]));
  const lists = (grouped: DatasetList[]) => {
    const out = datasets.map((): string[] => []);
    for (const g of grouped) {
      const p = numberOf.get(g.dataset_id);
      if (p !== undefined) out[p] = JSON.parse(g.list) as string[];
    }
    return out;
  };
  const perFacet: Record<FacetName, string[][]> = {
    organisation: datasets.map((d) => [slugOf.get(d.organisation_id) ?? '']),
    licence: datasets.map((d) => [d.licence]),
    tag: lists(rows.datasetTags),
    theme: lists(rows.datasetThemes),
    format: lists(rows.datasetFormats),
  };
  const byTitle = Uint32Array.from(datasets.keys()).sort(
    (a, b) => (datasets[a]?.title_rank ?? 0) - (datasets[b]?.title_rank ?? 0),
  );
  const titleRank = new Uint32Array(datasets.length);
  byTitle.forEach((p, rank) => {
    titleRank[p] = rank;
  });
  const textKeys = new Map<number | string, number>(numberOf);
  for (const r of rows.textRows) {
    const p = numberOf.get(r.dataset_id);
    if (p !== undefined) textKeys.set(r.rowid, p);
  }
  return {
    facets,
    columns: FACETS.map((f) => packColumn(perFacet[f], facets[f])),
    ids: datasets.map((d) => d.id),
    textKeys,
    organisationIds: datasets.map((d) => d.organisation_id),
    modified: Float64Array.from(datasets, (d) => Date.parse(d.modified_at)),
    open: Uint8Array.from(datasets, (d) =>
      d.state === 'active' && d.visibility === 'public' ? 1 : 0,
    ),
    byTitle,
    titleRank,
    slugs: datasets.map((d) => d.slug),
    createdAt: datasets.map((d) => d.created_at),
    modifiedAt: datasets.map((d) => d.modified_at),
    private: Uint8Array.from(datasets, (d) => (d.visibility === 'private' ? 1 : 0)),
    draft: Uint8Array.from(datasets, (d) => (d.state === 'draft' ? 1 : 0)),
  };
}

interface Cached {
  generation: string;
  index: Promise<SearchIndex>;
}

// Keyed by the Kysely instance: each open database (tests open many) has its own index.
const cache = new WeakMap<Kysely<Database>, Cached>();

/**
 * The index as of now: one primary-key read of the generation, and a reload when it changed.
 * The generation is read before loading, so the copy is never older than the number it is kept
 * under; searches arriving during a load share it.
 */
export async function currentSearchIndex(db: Db): Promise<SearchIndex> {
  const k = db.kysely;
  const generation = await readSearchGeneration(k);
  const cached = cache.get(k);
  if (cached && generation !== undefined && cached.generation === generation) return cached.index;
  const index = loadSearchIndexRows(db).then(buildSearchIndex);
  // Without a generation (the row was removed) nothing can tell when a copy goes stale.
  if (generation === undefined) return index;
  const entry: Cached = { generation, index };
  cache.set(k, entry);
  index.catch(() => {
    if (cache.get(k) === entry) cache.delete(k);
  });
  return index;
}
