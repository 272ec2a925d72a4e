import type { SearchIndex } from './search-index-types.js';
import { FACETS } from './search-types.js';

// The index's two orders of live datasets, kept by merging: a write re-sorts only the datasets it
// changed. Strings compare by UTF-16 code unit, which for the ISO times and ids stored here is
// their byte order, the order SQLite gives; titles sort the same way on either database.

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Newest first, then by id: the order of `modified` (and of relevance ties). Times compare as
 * numbers first (a search compares thousands of matches), then as written, for equal instants.
 */
export function byModified(index: SearchIndex) {
  const { modified, modifiedAt, ids } = index;
  return (a: number, b: number) =>
    (modified[b] ?? 0) - (modified[a] ?? 0) ||
    compare(modifiedAt[b] ?? '', modifiedAt[a] ?? '') ||
    compare(ids[a] ?? '', ids[b] ?? '');
}

export function byTitle(index: SearchIndex) {
  const { titles, ids } = index;
  return (a: number, b: number) =>
    compare(titles[a] ?? '', titles[b] ?? '') || compare(ids[a] ?? '', ids[b] ?? '');
}

function merge(kept: number[], added: number[], cmp: (a: number, b: number) => number) {
  const out = new Array<number>(kept.length + added.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < kept.length && j < added.length) {
    const a = kept[i] ?? 0;
    const b = added[j] ?? 0;
    if (cmp(a, b) <= 0) {
      out[o++] = a;
      i++;
    } else {
      out[o++] = b;
      j++;
    }
  }
  while (i < kept.length) out[o++] = kept[i++] ?? 0;
  while (j < added.length) out[o++] = added[j++] ?? 0;
  return out;
}

function ranks(order: number[], size: number): number[] {
  // Dead slots rank after every live one.
  const rank = new Array<number>(size).fill(order.length);
  order.forEach((p, r) => {
    rank[p] = r;
  });
  return rank;
}

/** Sorts every live slot into both orders. */
export function orderAll(index: SearchIndex) {
  const live: number[] = [];
  index.alive.forEach((a, p) => {
    if (a) live.push(p);
  });
  index.byModified = [...live].sort(byModified(index));
  index.byTitle = live.sort(byTitle(index));
  index.ranked = false;
}

/** Where `p` belongs in `order` (sorted by `cmp`): the first place whose slot sorts after it. */
function place(order: number[], p: number, cmp: (a: number, b: number) => number) {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(order[mid] ?? 0, p) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Up to this many moved slots are taken out and put back one at a time (a search and a block
 * move each); beyond it, one filtering pass and one merge are cheaper.
 */
const ONE_BY_ONE = 64;

function reorderOne(
  order: number[],
  touched: number[],
  added: number[],
  cmp: (a: number, b: number) => number,
) {
  for (const p of touched) {
    const at = order.indexOf(p);
    if (at >= 0) order.splice(at, 1);
  }
  for (const p of added) order.splice(place(order, p, cmp), 0, p);
  return order;
}

/** Moves the `touched` slots (written or removed) to their places in both orders. */
export function reorder(index: SearchIndex, touched: number[]) {
  if (touched.length === 0) return;
  const unique = [...new Set(touched)];
  const added = unique.filter((p) => index.alive[p]);
  const modified = byModified(index);
  const title = byTitle(index);
  if (unique.length <= ONE_BY_ONE) {
    // A write during a harvest moves a slot or two: copying 100,000 places twice was most of
    // the time a search spent catching up.
    index.byModified = reorderOne(index.byModified, unique, added, modified);
    index.byTitle = reorderOne(index.byTitle, unique, added, title);
  } else {
    const moved = new Uint8Array(index.ids.length);
    for (const p of unique) moved[p] = 1;
    index.byModified = merge(
      index.byModified.filter((p) => !moved[p]),
      [...added].sort(modified),
      modified,
    );
    index.byTitle = merge(
      index.byTitle.filter((p) => !moved[p]),
      added.sort(title),
      title,
    );
  }
  index.ranked = false;
}

/**
 * The index with each slot's place in both orders. Worked out only when a search sorts matches
 * (most do not), not at every write: two passes over 100,000 slots each time would add up.
 */
export function rankedIndex(index: SearchIndex): SearchIndex {
  if (!index.ranked) {
    index.modifiedRank = ranks(index.byModified, index.ids.length);
    index.titleRank = ranks(index.byTitle, index.ids.length);
    index.ranked = true;
  }
  return index;
}

/** Each facet value's place among ties (by label, then value), rebuilt when values were added. */
export function facetRanks(index: SearchIndex) {
  for (const f of FACETS) {
    const facet = index.facets[f];
    if (facet.rank.length === facet.values.length) continue;
    const { labels, values } = facet;
    const order = values
      .map((_, i) => i)
      .sort(
        (a, b) =>
          compare(labels[a] ?? '', labels[b] ?? '') || compare(values[a] ?? '', values[b] ?? ''),
      );
    facet.rank = ranks(order, values.length);
  }
}
