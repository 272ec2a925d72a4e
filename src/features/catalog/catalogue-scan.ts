import type { AppContext } from '../../context.js';
import { type Actor, readableScope } from '../accounts/index.js';
import type { SearchIndex } from './search-index.js';
import { currentSearch } from './search-index-cache.js';
import { facetRanks, rankedIndex } from './search-index-order.js';
import { FACETS, type FacetName, type FacetValue } from './search-types.js';

// A search for callers that filter on more than the facets (the CKAN API's `fq`): the text
// match runs in SQL, as for every search; the policy's visibility is applied here, in one pass
// over the in-memory index; what is left is handed over as dataset numbers with accessors, so
// the caller's own filter reads the compact arrays and never loads a row. Rows are loaded only
// for the page the caller shows.

export interface ScanOptions {
  q: string;
  /** Compute relevance scores (only when they decide the order: they cost a little). */
  scored: boolean;
  /** Private datasets the policy lets the actor read (CKAN's include_private); else public only. */
  includePrivate: boolean;
  /** Drafts the policy lets the actor read (CKAN's include_drafts); else active only. */
  includeDrafts: boolean;
}

export interface CatalogueScan {
  /** Dataset numbers the actor may see that match `q`, newest first (`modified desc, id`). */
  hits: number[];
  /** Relevance: lower is better; 0 without words. */
  score: (p: number) => number;
  /** Place in `title, id` order. */
  titleRank: (p: number) => number;
  /** Place in `modified desc, id` order (newest first). */
  modifiedRank: (p: number) => number;
  id: (p: number) => string;
  slug: (p: number) => string;
  created: (p: number) => string;
  modified: (p: number) => string;
  isPrivate: (p: number) => boolean;
  isDraft: (p: number) => boolean;
  /**
   * A test of one facet: `accept` is asked once per distinct value (not per dataset), and a
   * dataset passes when any of its values is accepted.
   */
  matcher: (facet: FacetName, accept: (value: string) => boolean) => (p: number) => boolean;
  /** Counts of a facet's values over `numbers`, most used first, `limit` of them (-1: all). */
  facetCounts: (facet: FacetName, numbers: readonly number[], limit: number) => FacetValue[];
}

function visibility(index: SearchIndex, actor: Actor, options: ScanOptions) {
  const scope = readableScope(actor);
  const own = new Set(scope.organisationIds);
  return (p: number): boolean => {
    if (index.open[p] === 1) return true;
    // Not open: private, a draft, or both; each must be asked for, and the policy must allow it
    // (the same rule as visibleDatasets(): site admins all, members their organisations').
    if (index.private[p] === 1 && !options.includePrivate) return false;
    if (index.draft[p] === 1 && !options.includeDrafts) return false;
    return scope.all || own.has(index.organisationIds[p] ?? '');
  };
}

export async function scanCatalogue(
  ctx: AppContext,
  actor: Actor,
  options: ScanOptions,
): Promise<CatalogueScan> {
  const current = await currentSearch(ctx.db, options.q, options.scored);
  // The CKAN API sorts by any field: the ranks are worked out once for its comparisons.
  const index = rankedIndex(current.index);
  const { matches } = current;
  const visible = visibility(index, actor, options);
  const score = new Float64Array(matches ? index.ids.length : 0);
  let hits: number[];
  if (matches) {
    hits = [];
    matches.forEach((s, p) => {
      if (!index.alive[p] || !visible(p)) return;
      score[p] = s;
      hits.push(p);
    });
    const rank = index.modifiedRank;
    hits.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
  } else {
    hits = index.byModified.filter(visible);
  }
  facetRanks(index);
  const column = (facet: FacetName) => index.columns[FACETS.indexOf(facet)];
  return {
    hits,
    score: (p) => score[p] ?? 0,
    titleRank: (p) => index.titleRank[p] ?? 0,
    modifiedRank: (p) => index.modifiedRank[p] ?? 0,
    id: (p) => index.ids[p] ?? '',
    slug: (p) => index.slugs[p] ?? '',
    created: (p) => index.createdAt[p] ?? '',
    modified: (p) => index.modifiedAt[p] ?? '',
    isPrivate: (p) => index.private[p] === 1,
    isDraft: (p) => index.draft[p] === 1,
    matcher(facet, accept) {
      const values = index.facets[facet].values;
      const mask = Uint8Array.from(values, (v) => (accept(v) ? 1 : 0));
      const c = column(facet);
      return (p) => {
        if (!c) return false;
        const end = c.ends[p] ?? 0;
        for (let i = c.starts[p] ?? 0; i < end; i++) if (mask[c.values[i] ?? 0]) return true;
        return false;
      };
    },
    facetCounts(facet, numbers, limit) {
      const { values, labels, rank } = index.facets[facet];
      const counts = new Uint32Array(values.length);
      const c = column(facet);
      if (c) {
        for (const p of numbers) {
          const end = c.ends[p] ?? 0;
          for (let i = c.starts[p] ?? 0; i < end; i++) {
            const n = c.values[i] ?? 0;
            counts[n] = (counts[n] ?? 0) + 1;
          }
        }
      }
      const used: number[] = [];
      counts.forEach((n, i) => {
        if (n > 0) used.push(i);
      });
      used.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0));
      return (limit < 0 ? used : used.slice(0, limit)).map((i) => ({
        value: values[i] ?? '',
        label: labels[i] ?? '',
        count: counts[i] ?? 0,
      }));
    },
  };
}
