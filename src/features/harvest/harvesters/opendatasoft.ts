// Opendatasoft (Explore API v2.1): GET {base}/api/explore/v2.1/catalog/datasets, 100 at a time by
// offset until total_count. Filters go to the API (refine on publisher and keyword facets, an ODSQL
// search() for the query), so only matching datasets are read. A dataset's files are its exports.
import {
  dataset,
  resource,
  type HarvestFilters,
  type ReadItem,
  type HarvestedResource,
  type Harvester,
} from '../harvest-record.js';
import {
  baseUrl,
  email,
  firstText,
  isObject,
  isoDate,
  member,
  parseJson,
  text,
  texts,
} from './source-values.js';

/** The most the API returns in one page. */
const PAGE_SIZE = 100;

const GEO_TYPES = new Set(['geo_point_2d', 'geo_shape']);

/** An ODSQL string literal: double-quoted, with quotes and backslashes escaped. */
const literal = (value: string): string => `"${value.trim().replace(/["\\]/g, '\\$&')}"`;

function catalogUrl(base: string, offset: number, filters: HarvestFilters): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  const { organisation, tag, query } = filters;
  if (organisation?.trim()) params.append('refine', `publisher:${literal(organisation)}`);
  if (tag?.trim()) params.append('refine', `keyword:${literal(tag)}`);
  if (query?.trim()) params.set('where', `search(${literal(query)})`);
  return `${base}/api/explore/v2.1/catalog/datasets?${params.toString()}`;
}

/** The dataset's records as files: the API's export links, as the portal's own page offers. */
function exports(
  base: string,
  id: string,
  hasGeo: boolean,
  modified: string | null,
): HarvestedResource[] {
  const prefix = `${base}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(id)}/exports`;
  const link = (format: string, name: string, mediaType: string): HarvestedResource => ({
    ...resource(`${prefix}/${format.toLowerCase()}`, name),
    format,
    mediaType,
    modified,
  });
  return [
    link('CSV', 'Export as CSV', 'text/csv'),
    // GeoJSON only means something when the records have a location.
    ...(hasGeo ? [link('GeoJSON', 'Export as GeoJSON', 'application/geo+json')] : []),
    link('JSON', 'Export as JSON', 'application/json'),
  ];
}

function toItem(record: unknown, position: number, base: string): ReadItem {
  if (!isObject(record)) return { identifier: null, error: `record ${position} is not an object` };
  const identifier = text(record.dataset_id);
  if (identifier === null)
    return { identifier: null, error: `record ${position} has no dataset_id` };
  const metas = member(record.metas, 'default');
  const dcat = member(record.metas, 'dcat');
  const title = text(member(metas, 'title'));
  if (title === null) return { identifier, error: `record ${position} has no title` };
  const modified = isoDate(member(metas, 'modified'));
  const fields: unknown[] = Array.isArray(record.fields) ? record.fields : [];
  const hasGeo = fields.some((f) => GEO_TYPES.has(text(member(f, 'type')) ?? ''));
  return {
    dataset: {
      ...dataset(identifier, title),
      description: text(member(metas, 'description')) ?? '',
      licence: firstText(member(metas, 'license_url'), member(metas, 'license')),
      tags: texts(member(metas, 'keyword')),
      landingPage: `${base}/explore/dataset/${encodeURIComponent(identifier)}/`,
      modified,
      publisher: text(member(metas, 'publisher')),
      contactName: text(member(dcat, 'contact_name')),
      contactEmail: email(member(dcat, 'contact_email')),
      updateFrequency: text(member(dcat, 'accrualperiodicity')),
      // A dataset of attachments only has no records, so no exports to offer.
      resources: record.has_records === false ? [] : exports(base, identifier, hasGeo, modified),
    },
  };
}

export const opendatasoftHarvester: Harvester = async function* ({ url, filters, fetcher }) {
  const base = baseUrl(url);
  let offset = 0;
  for (;;) {
    const pageUrl = catalogUrl(base, offset, filters);
    const page = parseJson((await fetcher.get(pageUrl, 'application/json')).body, pageUrl);
    const results = member(page, 'results');
    if (!Array.isArray(results)) throw new Error(`${pageUrl} has no results list`);
    for (const [i, record] of results.entries()) yield toItem(record, offset + i + 1, base);
    // Advance by what came back, not by the limit: a portal may cap pages below 100.
    offset += results.length;
    const total = member(page, 'total_count');
    if (results.length === 0) return;
    if (typeof total === 'number' ? offset >= total : results.length < PAGE_SIZE) return;
  }
};
