// DataPress (London Datastore, Calderdale, Barnet): one request for the whole catalogue,
// GET {base}/api/v3/datasets/export.json. The export is an array of datasets (older sites: an
// object keyed by dataset id); it has no search, so filters apply here.
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
  byteSize,
  email,
  firstText,
  isObject,
  isoDate,
  member,
  parseJson,
  text,
  texts,
  type JsonObject,
} from './source-values.js';

/** The export's datasets: an array, or the values of an object keyed by id. */
function records(json: unknown, url: string): unknown[] {
  if (Array.isArray(json)) return json;
  if (isObject(json)) return Object.values(json);
  throw new Error(`DataPress export at ${url} is neither a list nor an object of datasets`);
}

/** Resources come as a list (the export) or keyed by id with an `order` (the dataset API). */
function resourceList(value: unknown): JsonObject[] {
  const list: unknown[] = Array.isArray(value)
    ? value
    : isObject(value)
      ? Object.values(value)
      : [];
  const order = (r: JsonObject): number => (typeof r.order === 'number' ? r.order : 0);
  return list.filter(isObject).sort((a, b) => order(a) - order(b));
}

/** The URL's last path segment, decoded when it can be (a bad escape must not stop the run). */
function fileName(url: string): string {
  const segment = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toResource(r: JsonObject): HarvestedResource | null {
  const url = text(r.url);
  // A file with no address cannot be fetched or linked: it is left out, not the dataset.
  if (url === null) return null;
  const lastSegment = fileName(url);
  const mediaType = firstText(r.check_mimetype, r.mimetype, r.mediaType);
  return {
    ...resource(url, firstText(r.title, r.filename, lastSegment) ?? url),
    description: text(r.description) ?? '',
    format: formatFromHint(text(r.format), mediaType, firstText(r.filename) ?? url),
    mediaType,
    size: byteSize(r.size) ?? byteSize(r.check_size),
    modified: isoDate(r.timestamp) ?? isoDate(r.check_timestamp) ?? isoDate(r.updatedAt),
  };
}

function toItem(record: unknown, position: number, base: string): ReadItem {
  if (!isObject(record)) return { identifier: null, error: `record ${position} is not an object` };
  const identifier = firstText(record.id, record.slug);
  const title = text(record.title);
  if (identifier === null) return { identifier: null, error: `record ${position} has no id` };
  if (title === null) return { identifier, error: `record ${position} has no title` };
  const licence = record.licence ?? record.license;
  const contact = record.contact;
  const custom = record.custom;
  return {
    dataset: {
      ...dataset(identifier, title),
      description: text(record.description) ?? '',
      // Newer exports give the licence as {url, title}, older ones an id such as "ogl-v3".
      licence: firstText(licence, member(licence, 'url'), member(licence, 'title')),
      tags: texts(record.tags),
      landingPage:
        firstText(record.webpage) ??
        `${base}/dataset/${encodeURIComponent(firstText(record.slug) ?? identifier)}`,
      modified: isoDate(record.updatedAt) ?? isoDate(record.updated_at),
      // The organisation is the masthead (v4) or logo (v3); `author` is the last resort.
      publisher: firstText(
        member(record.masthead, 'title'),
        member(record.logo, 'title'),
        record.organisation,
        member(record.organisation, 'title'),
        record.author,
      ),
      contactName: firstText(member(contact, 'name'), member(contact, 'title'), record.maintainer),
      contactEmail:
        email(member(contact, 'email')) ??
        email(member(contact, 'url')) ??
        email(record.maintainer_email),
      updateFrequency: firstText(member(custom, 'update_frequency'), record.update_frequency),
      resources: resourceList(record.resources)
        .map(toResource)
        .filter((r) => r !== null),
    },
  };
}

export const datapressHarvester: Harvester = async function* ({ url, filters, fetcher }) {
  const base = baseUrl(url);
  const exportUrl = `${base}/api/v3/datasets/export.json`;
  const page = await fetcher.get(exportUrl, 'application/json');
  const list = records(parseJson(page.body, `DataPress export at ${exportUrl}`), exportUrl);
  for (const [i, record] of list.entries()) {
    const item = toItem(record, i + 1, base);
    if ('error' in item || passesFilters(item.dataset, filters)) yield item;
  }
};
