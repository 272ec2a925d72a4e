// Socrata, read through its Project Open Data catalogue (GET {base}/data.json, DCAT-US 1.1): one
// document with every public dataset and its distributions. The document has no search, so
// filters apply here. projectOpenDataItems translates any data.json, not only Socrata's.
import {
  dataset,
  resource,
  type ReadItem,
  type HarvestedResource,
  type Harvester,
} from '../harvest-record.js';
import { passesFilters } from './client-filters.js';
import { formatFromHint } from './format-hint.js';
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

function toResource(distribution: unknown): HarvestedResource | null {
  if (!isObject(distribution)) return null;
  const url = firstText(distribution.downloadURL, distribution.accessURL);
  // A distribution with no address cannot be fetched or linked: it is left out.
  if (url === null) return null;
  const mediaType = text(distribution.mediaType);
  const format = text(distribution.format);
  return {
    ...resource(url, firstText(distribution.title, format) ?? url),
    description: text(distribution.description) ?? '',
    format: formatFromHint(format, mediaType, url),
    mediaType,
  };
}

/** DCAT-US `temporal` is "start/end"; either side may be missing or unreadable. */
function temporal(value: unknown): [string | null, string | null] {
  const [start, end] = (text(value) ?? '').split('/');
  return [isoDate(start), isoDate(end)];
}

function toItem(record: unknown, position: number): ReadItem {
  if (!isObject(record)) return { identifier: null, error: `record ${position} is not an object` };
  // Some catalogues leave identifier out; the landing page is as stable.
  const identifier = firstText(record.identifier, record.landingPage);
  const title = text(record.title);
  if (identifier === null)
    return { identifier: null, error: `record ${position} has no identifier` };
  if (title === null) return { identifier, error: `record ${position} has no title` };
  const contact = record.contactPoint;
  const [temporalStart, temporalEnd] = temporal(record.temporal);
  const distributions: unknown[] = Array.isArray(record.distribution) ? record.distribution : [];
  return {
    dataset: {
      ...dataset(identifier, title),
      description: text(record.description) ?? '',
      licence: text(record.license),
      tags: texts(record.keyword),
      landingPage: text(record.landingPage),
      modified: isoDate(record.modified),
      publisher: firstText(member(record.publisher, 'name'), record.publisher),
      contactName: text(member(contact, 'fn')),
      contactEmail: email(member(contact, 'hasEmail')),
      updateFrequency: text(record.accrualPeriodicity),
      temporalStart,
      temporalEnd,
      resources: distributions.map(toResource).filter((r) => r !== null),
    },
  };
}

/** Every dataset of a data.json document (DCAT-US / Project Open Data), in the document's order. */
export function* projectOpenDataItems(json: unknown): Generator<ReadItem> {
  const records = member(json, 'dataset');
  if (!Array.isArray(records)) throw new Error('data.json has no "dataset" list');
  for (const [i, record] of records.entries()) yield toItem(record, i + 1);
}

export const socrataHarvester: Harvester = async function* ({ url, filters, fetcher }) {
  const base = baseUrl(url);
  // An administrator may paste the catalogue's own address rather than the site's.
  const catalogUrl = base.endsWith('/data.json') ? base : `${base}/data.json`;
  const page = await fetcher.get(catalogUrl, 'application/json');
  for (const item of projectOpenDataItems(parseJson(page.body, catalogUrl))) {
    if ('error' in item || passesFilters(item.dataset, filters)) yield item;
  }
};
