import type { HarvesterInput, HarvestItem, ReadItem } from '../harvest-record.js';
import { ckanPackage } from './ckan-package.js';
import { filterParams, searchAll, searchPage } from './ckan-search.js';
import { parseJson, text, type JsonObject } from './source-values.js';

// An incremental CKAN run, after a complete one: package_search with
// `metadata_modified:[since - margin TO *]` gives what changed, read in full; then the ids still
// listed (package_search with fl=id,name, a thousand a page) are yielded as ListedItems, so the
// harvest keeps them without reading them and still withdraws what is no longer listed. A source
// that refuses the metadata_modified filter is read in full instead; one that ignores fl answers
// whole packages to the listing, which costs bytes but reads the same ids.

/**
 * How far before the last run's start changes are asked for: the source's clock and ours may
 * differ, and a dataset saved while that run was reading must not be missed. Re-reading a few
 * datasets costs little: their hashes match and they count as unchanged.
 */
export const MARGIN_MS = 60 * 60 * 1000;
const LIST_ROWS = 1000;

type Json = JsonObject;

/** package_show of one identifier, as a read item (never throws: a failure is the item's). */
function readOne(base: string, identifier: string, input: HarvesterInput) {
  return async (): Promise<ReadItem> => {
    try {
      const query = new URLSearchParams({ id: identifier });
      const page = await input.fetcher.get(
        `${base}/api/3/action/package_show?${query.toString()}`,
        'application/json',
      );
      const body = parseJson(page.body, page.url) as Json;
      const result = body.result as Json | undefined;
      if (body.success !== true || !result) {
        return { identifier, error: `${page.url} did not answer a CKAN package` };
      }
      return ckanPackage(base, result, 0);
    } catch (err) {
      return { identifier, error: (err as Error).message };
    }
  };
}

/** The changes fq: the source's filters and the time range, ANDed. */
function changesParams(input: HarvesterInput, since: string): Record<string, string> {
  const from = new Date(Date.parse(since) - MARGIN_MS).toISOString();
  const params = filterParams(input.filters);
  const range = `metadata_modified:[${from} TO *]`;
  return { ...params, fq: params.fq ? `${params.fq} AND ${range}` : range };
}

/**
 * Yields the changed packages, then the others still listed; false (having yielded nothing) when
 * the source will not filter by metadata_modified, so the caller reads everything instead.
 */
export async function* readChanges(
  base: string,
  input: HarvesterInput,
  since: string,
): AsyncGenerator<HarvestItem, boolean> {
  if (Number.isNaN(Date.parse(since))) return false;
  const params = changesParams(input, since);
  try {
    // A first, empty page asks whether the source takes the filter, before anything is yielded.
    await searchPage(base, { ...params, rows: '0' }, input.fetcher);
  } catch {
    return false;
  }
  const changed = new Set<string>();
  for await (const { pkg, index } of searchAll(base, params, input.fetcher)) {
    const item = ckanPackage(base, pkg, index);
    const identifier = 'dataset' in item ? item.dataset.identifier : item.identifier;
    if (identifier !== null) changed.add(identifier);
    yield item;
  }
  const listing = { ...filterParams(input.filters), fl: 'id,name' };
  for await (const { pkg } of searchAll(base, listing, input.fetcher, LIST_ROWS)) {
    // The same identifier as ckanPackage gives: the id, else the name.
    const identifier = text(pkg.id) ?? text(pkg.name);
    if (identifier === null || changed.has(identifier)) continue;
    yield { listed: identifier, read: readOne(base, identifier, input) };
  }
  return true;
}
