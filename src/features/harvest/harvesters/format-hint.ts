// A resource's format in Metrodata's short names, from whatever the source offers: its own format
// label ("Comma Separated Values", "xlsx", "Esri Shapefile"), a media type, or the file's
// extension. Labels are tried first (the publisher's word), then the media type, then the URL.

const NAMES = [
  'CSV',
  'TSV',
  'XLSX',
  'XLS',
  'ODS',
  'JSON',
  'NDJSON',
  'GeoJSON',
  'PDF',
  'ZIP',
  'KML',
  'KMZ',
  'SHP',
  'GPKG',
  'Parquet',
  'XML',
  'HTML',
  'TXT',
  'DOCX',
  'DOC',
  'RDF',
] as const;

/** Labels and extensions (lower case, no dot) that are not a name's own lower case. */
const ALIASES: Record<string, string> = {
  'comma separated values': 'CSV',
  'comma-separated values': 'CSV',
  'tab separated values': 'TSV',
  'ms excel': 'XLS',
  excel: 'XLS',
  jsonl: 'NDJSON',
  'json lines': 'NDJSON',
  'geo json': 'GeoJSON',
  'geo+json': 'GeoJSON',
  shapefile: 'SHP',
  'esri shapefile': 'SHP',
  geopackage: 'GPKG',
  htm: 'HTML',
  'web page': 'HTML',
  webpage: 'HTML',
  text: 'TXT',
  'plain text': 'TXT',
  word: 'DOCX',
};

const MEDIA_TYPES: Record<string, string> = {
  'text/csv': 'CSV',
  'application/csv': 'CSV',
  'text/tab-separated-values': 'TSV',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/json': 'JSON',
  'text/json': 'JSON',
  'application/x-ndjson': 'NDJSON',
  'application/geo+json': 'GeoJSON',
  'application/vnd.geo+json': 'GeoJSON',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/x-zip-compressed': 'ZIP',
  'application/vnd.google-earth.kml+xml': 'KML',
  'application/vnd.google-earth.kmz': 'KMZ',
  'application/x-shapefile': 'SHP',
  'application/geopackage+sqlite3': 'GPKG',
  'application/vnd.apache.parquet': 'Parquet',
  'application/x-parquet': 'Parquet',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'text/html': 'HTML',
  'text/plain': 'TXT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/msword': 'DOC',
  'application/rdf+xml': 'RDF',
};

const BY_KEY = new Map<string, string>([
  ...NAMES.map((name): [string, string] => [name.toLowerCase(), name]),
  ...Object.entries(ALIASES),
]);

function fromLabel(label: string): string | null {
  const key = label.trim().toLowerCase().replace(/^\./, '').replace(/\s+/g, ' ');
  // A label may be a media type (some catalogues put one in "format").
  return BY_KEY.get(key) ?? MEDIA_TYPES[key] ?? null;
}

function fromMediaType(mediaType: string): string | null {
  // Parameters (charset) say nothing about the format.
  const key = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return MEDIA_TYPES[key] ?? null;
}

/** The URL's path (a relative or odd URL: everything before ? or #). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

function fromUrl(url: string): string | null {
  const path = pathOf(url);
  const ext = /\.([a-z0-9]{2,8})$/i.exec(path)?.[1];
  return ext ? (BY_KEY.get(ext.toLowerCase()) ?? null) : null;
}

/** Metrodata's short name for a resource's format, or null when none of the hints is known. */
export function formatFromHint(
  format?: string | null,
  mediaType?: string | null,
  url?: string,
): string | null {
  return (
    (format ? fromLabel(format) : null) ??
    (mediaType ? fromMediaType(mediaType) : null) ??
    (url ? fromUrl(url) : null)
  );
}
