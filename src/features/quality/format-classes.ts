// How open and how machine-readable each format is, for the stars and the interoperability
// points. Formats are the catalogue's upper-case names (formats.ts).

/** Formats a program can read as data (not a document meant for people: PDF, HTML, DOC). */
const MACHINE_READABLE = new Set([
  'CSV',
  'TSV',
  'JSON',
  'NDJSON',
  'GEOJSON',
  'XLSX',
  'XLS',
  'ODS',
  'PARQUET',
  'XML',
  'KML',
  'SHP',
  'GPKG',
  'RDF',
  'TTL',
  'JSONLD',
  'JSON-LD',
  'NT',
  'N3',
]);

/** Machine-readable formats whose specification is open (not Excel's, nor Esri's shapefile). */
const OPEN = new Set([
  'CSV',
  'TSV',
  'JSON',
  'NDJSON',
  'GEOJSON',
  'ODS',
  'PARQUET',
  'XML',
  'KML',
  'GPKG',
  'RDF',
  'TTL',
  'JSONLD',
  'JSON-LD',
  'NT',
  'N3',
]);

/** Linked-data formats: their values are URIs that link to other data. */
const RDF = new Set(['RDF', 'TTL', 'JSONLD', 'JSON-LD', 'NT', 'N3']);

/** Formats the region's vocabulary knows (the EU file-type list has each of them). */
const KNOWN = new Set([...MACHINE_READABLE, 'PDF', 'HTML', 'TXT', 'ZIP', 'DOCX', 'DOC', 'ODT']);

export const isMachineReadable = (format: string) => MACHINE_READABLE.has(format.toUpperCase());
export const isOpenFormat = (format: string) => OPEN.has(format.toUpperCase());
export const isRdf = (format: string) => RDF.has(format.toUpperCase());
export const isKnownFormat = (format: string) => KNOWN.has(format.toUpperCase());
/** A page for people rather than the data itself (no direct download). */
export const isLandingPage = (format: string) => format.toUpperCase() === 'HTML';
