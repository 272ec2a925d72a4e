import type { HarvestFetcher, HarvestFilters } from '../harvest-record.js';
import { parseJson, type JsonObject } from './source-values.js';

// Reading CKAN's package_search: pages by start/rows in name order (stable while the catalogue
// changes under the harvest; CKAN's default order moves datasets between pages as they are
// edited). Filters are CKAN's own: fq on organisation and tags, q for text.

const ROWS = 100;

type Json = JsonObject;

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The source filters as one CKAN fq ('' when there are none). */
export function filterFq(filters: HarvestFilters): string {
  return [
    ...(filters.organisation ? [`organization:${quoted(filters.organisation)}`] : []),
    ...(filters.tag ? [`tags:${quoted(filters.tag)}`] : []),
  ].join(' AND ');
}

/** One page of package_search: its packages and the total count; throws when it is not one. */
export async function searchPage(
  base: string,
  params: Record<string, string>,
  fetcher: HarvestFetcher,
): Promise<{ packages: Json[]; count: number }> {
  const query = new URLSearchParams(params);
  const page = await fetcher.get(
    `${base}/api/3/action/package_search?${query.toString()}`,
    'application/json',
  );
  const body = parseJson(page.body, page.url) as Json;
  const result = body.result as Json | undefined;
  if (body.success !== true || !result || !Array.isArray(result.results)) {
    throw new Error(`${page.url} did not answer a CKAN package_search result`);
  }
  const count = typeof result.count === 'number' ? result.count : 0;
  return { packages: result.results as Json[], count };
}

/** Every package package_search finds with `params`, page by page in name order. */
export async function* searchAll(
  base: string,
  params: Record<string, string>,
  fetcher: HarvestFetcher,
  rows = ROWS,
): AsyncGenerator<{ pkg: Json; index: number }> {
  // Advanced by what came back, not by `rows`: a portal whose rows_max is lower answers fewer,
  // and skipping the rest would leave datasets unread (and, when listing, withdrawn).
  for (let start = 0; ;) {
    const page = { rows: String(rows), start: String(start), sort: 'name asc', ...params };
    const { packages, count } = await searchPage(base, page, fetcher);
    for (const [i, pkg] of packages.entries()) yield { pkg, index: start + i };
    start += packages.length;
    if (packages.length === 0 || start >= count) return;
  }
}

/** The filters as package_search parameters. */
export function filterParams(filters: HarvestFilters): Record<string, string> {
  const fq = filterFq(filters);
  return { ...(fq ? { fq } : {}), ...(filters.query ? { q: filters.query } : {}) };
}

/** The source's base URL, whether given with /api/3 or /api/3/action or not. */
export const ckanBase = (url: string) =>
  url.replace(/\/+$/, '').replace(/\/api\/3(\/action)?$/, '');
