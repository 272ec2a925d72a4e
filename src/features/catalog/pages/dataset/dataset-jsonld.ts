import type { DatasetPageData } from './dataset-page.service.js';
import type { SpatialExtent } from './spatial-extent.js';

// schema.org `Dataset` for search engines, as Google's Dataset Search reads it
// (developers.google.com/search/docs/appearance/structured-data/dataset): name and description
// required; url, identifier, keywords, license, creator, publisher, temporalCoverage,
// spatialCoverage, distribution (DataDownload: encodingFormat, contentUrl) and dates recommended.

/** Google wants a description of 50 to 5,000 characters. */
const MIN_DESCRIPTION = 50;
const MAX_DESCRIPTION = 5000;

/** ISO 8601 interval, open ends written `..` as schema.org's temporalCoverage allows. */
function interval(t: { start: string | null; end: string | null } | null): string | null {
  if (!t || (!t.start && !t.end)) return null;
  return `${t.start ?? '..'}/${t.end ?? '..'}`;
}

export interface JsonLdInput {
  data: DatasetPageData;
  baseUrl: string;
  siteName: string;
  pageUrl: string;
  extent: SpatialExtent;
}

export function datasetJsonLd({ data, baseUrl, siteName, pageUrl, extent }: JsonLdInput) {
  const d = data.dataset;
  const org = {
    '@type': 'Organization',
    name: d.organisation.name,
    url: `${baseUrl}/organisations/${encodeURIComponent(d.organisation.slug)}`,
  };
  const description =
    d.description.trim().length >= MIN_DESCRIPTION
      ? d.description.slice(0, MAX_DESCRIPTION)
      : `${d.description.trim()} ${d.title}, a dataset published by ${d.organisation.name} on ${siteName}.`.trim();
  const downloads = d.resources.flatMap((r) => [
    ...(r.url
      ? [
          {
            '@type': 'DataDownload',
            name: r.name,
            encodingFormat: r.media_type ?? r.format,
            contentUrl: r.url,
          },
        ]
      : []),
    // What the datastore holds is also a clean CSV, whatever was uploaded.
    ...(r.datastore
      ? [
          {
            '@type': 'DataDownload',
            name: `${r.name} (CSV)`,
            encodingFormat: 'text/csv',
            contentUrl: `${baseUrl}/api/v1/resources/${r.id}/export.csv`,
          },
        ]
      : []),
  ]);
  const temporal = interval(d.temporal_coverage);
  const [south, west, north, east] = extent.box ?? [];
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': pageUrl,
    name: d.title,
    description,
    url: pageUrl,
    identifier: d.id,
    keywords: [...d.tags, ...d.themes.map((t) => t.title)],
    ...(d.licence.url ? { license: d.licence.url } : {}),
    isAccessibleForFree: true,
    creator: org,
    publisher: org,
    includedInDataCatalog: { '@type': 'DataCatalog', name: siteName, url: `${baseUrl}/datasets` },
    ...(temporal ? { temporalCoverage: temporal } : {}),
    spatialCoverage: {
      '@type': 'Place',
      name: extent.name,
      ...(extent.box
        ? { geo: { '@type': 'GeoShape', box: [south, west, north, east].join(' ') } }
        : {}),
    },
    ...(downloads.length ? { distribution: downloads } : {}),
    datePublished: d.created_at,
    dateModified: d.modified_at,
  };
}

/** JSON for inside a <script>: no `<` left to close it or open a comment. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
