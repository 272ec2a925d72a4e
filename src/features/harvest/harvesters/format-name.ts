// A source's word for a file's format (a file-type code, an extension, a media type) as the short
// name Metrodata writes. Unknown formats give null rather than a guess: the harvest can still
// sniff the file later, and a wrong name would be shown to users.

const BY_NAME: Readonly<Record<string, string>> = {
  csv: 'CSV',
  tsv: 'TSV',
  json: 'JSON',
  ndjson: 'NDJSON',
  jsonl: 'NDJSON',
  geojson: 'GeoJSON',
  xlsx: 'XLSX',
  xls: 'XLS',
  ms_excel: 'XLS',
  ods: 'ODS',
  pdf: 'PDF',
  zip: 'ZIP',
  parquet: 'Parquet',
  xml: 'XML',
  html: 'HTML',
  txt: 'TXT',
  kml: 'KML',
  shp: 'SHP',
};

const BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'text/csv': 'CSV',
  'text/tab-separated-values': 'TSV',
  'application/json': 'JSON',
  'application/x-ndjson': 'NDJSON',
  'application/geo+json': 'GeoJSON',
  'application/vnd.geo+json': 'GeoJSON',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/x-zip-compressed': 'ZIP',
  'application/vnd.apache.parquet': 'Parquet',
  'application/x-parquet': 'Parquet',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'text/html': 'HTML',
  'text/plain': 'TXT',
  'application/vnd.google-earth.kml+xml': 'KML',
};

// IANA's registry pages, which DCAT-AP uses as media type IRIs (with or without www, http(s)).
const IANA = /^https?:\/\/(?:www\.)?iana\.org\/assignments\/media-types\//i;

/** A media type from an IANA IRI or a literal like "text/csv; charset=utf-8", else null. */
export function mediaTypeOf(value: string | null): string | null {
  if (!value) return null;
  const type = value.replace(IANA, '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z]+\/[\w.+-]+$/.test(type) ? type : null;
}

/** The last segment of an IRI (EU file-type .../CSV, a frequency .../MONTHLY), or the value. */
export function lastSegment(value: string): string {
  return (
    value
      .replace(/[#/]+$/, '')
      .split(/[#/]/)
      .pop() ?? value
  );
}

/** "CSV", ".csv", "text/csv", EU .../file-type/GEOJSON, IANA .../text/csv → a short name. */
export function formatName(value: string | null): string | null {
  if (!value) return null;
  const mediaType = mediaTypeOf(value);
  if (mediaType) return BY_MEDIA_TYPE[mediaType] ?? null;
  const name = (/^https?:/i.test(value) ? lastSegment(value) : value)
    .trim()
    .replace(/^\./, '')
    .toLowerCase();
  return BY_NAME[name] ?? null;
}
