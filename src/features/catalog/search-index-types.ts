import type { FacetName } from './search-types.js';

/**
 * A query's full-text matches: slot in the index to relevance score, lower ranking first; null
 * when there are no words to match. Keyed by slot, not by full-text key: looking each of 25,000
 * matches up (a dataset id on PostgreSQL) at every search was a third of a busy server's time.
 */
export type TextMatches = Map<number, number> | null;

// The in-memory search index's shape (search-index.ts builds and changes it, search-index-order.ts
// orders it), apart so that neither imports the other.

/** The distinct values of one facet, numbered in the order they were first seen. */
export interface FacetValues {
  values: string[];
  labels: string[];
  numbers: Map<string, number>;
  /** Each value's place among ties when listed (by label, then value); rebuilt when stale. */
  rank: number[];
}

/** A facet's values per dataset slot: those of slot p are `values[starts[p] .. ends[p])`. */
export interface FacetColumn {
  starts: number[];
  ends: number[];
  values: number[];
  /** Entries of `values` no slot points to any more (left by rewrites). */
  garbage: number;
}

/**
 * Each dataset has a slot, kept while it lives; a dataset that leaves (deleted) leaves a dead
 * slot, which is in no order and never reused, so a number a caller holds never becomes another
 * dataset. Orders list live slots: newest first (`modified_at desc, id`) and by `title, id`.
 */
export interface SearchIndex {
  facets: Record<FacetName, FacetValues>;
  /** In FACETS order. */
  columns: FacetColumn[];
  /** Per facet (FACETS order), per value: the live slots that have it. */
  postings: Set<number>[][];
  /**
   * Per facet, per value: how many open datasets have it, and how many are open. These are an
   * anonymous visitor's facet counts before any filter, kept on every write.
   */
  openCounts: number[][];
  openTotal: number;
  ids: string[];
  slotOf: Map<string, number>;
  alive: number[];
  /** Full-text row key (SQLite text key, PostgreSQL dataset id) to slot. */
  textKeys: Map<number | string, number>;
  textKeyOf: (number | string | undefined)[];
  organisationIds: string[];
  /** Organisation id to slug, for the organisation facet. */
  organisationSlugs: Map<string, string>;
  /** Each dataset's modification time (epoch milliseconds), for `modifiedSince`. */
  modified: number[];
  /** 1 when active and public: readable by anyone. */
  open: number[];
  /** 1 when private (whatever the state), 1 when a draft. */
  private: number[];
  draft: number[];
  titles: string[];
  slugs: string[];
  createdAt: string[];
  modifiedAt: string[];
  byModified: number[];
  /** Each slot's place in the orders, computed when first needed after a change (rankedIndex). */
  ranked: boolean;
  modifiedRank: number[];
  byTitle: number[];
  titleRank: number[];
  dead: number;
}
