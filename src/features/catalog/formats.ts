import path from 'node:path';

const MEDIA_TYPES: Record<string, string> = {
  CSV: 'text/csv',
  TSV: 'text/tab-separated-values',
  JSON: 'application/json',
  NDJSON: 'application/x-ndjson',
  GEOJSON: 'application/geo+json',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  XLS: 'application/vnd.ms-excel',
  PARQUET: 'application/vnd.apache.parquet',
  PDF: 'application/pdf',
  ZIP: 'application/zip',
  XML: 'application/xml',
  TXT: 'text/plain',
  HTML: 'text/html',
  KML: 'application/vnd.google-earth.kml+xml',
  SHP: 'application/x-shapefile',
};

/** A resource's format from what the publisher said, else from the file or URL extension. */
export function formatOf(declared: string | undefined, nameOrUrl: string): string {
  if (declared) return declared.trim().toUpperCase();
  let ext = path.extname(nameOrUrl.split(/[?#]/)[0] ?? '').slice(1);
  if (ext.toLowerCase() === 'jsonl') ext = 'ndjson';
  return ext ? ext.toUpperCase().slice(0, 20) : 'OTHER';
}

export function mediaTypeOf(format: string): string {
  return MEDIA_TYPES[format] ?? 'application/octet-stream';
}

/** A file name safe for Content-Disposition and blob keys. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, 120);
  return cleaned || 'file';
}
