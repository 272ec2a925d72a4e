/** The formats a resource's rows can be exported in, and how each is produced. */
export const EXPORT_FORMATS = [
  'csv',
  'tsv',
  'json',
  'ndjson',
  'geojson',
  'parquet',
  'xlsx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FormatSpec {
  contentType: string;
  /**
   * `copy`: DuckDB writes the whole file with COPY (its own speed, Node only streams bytes);
   * `xlsx`: the workbook's sheet is written from DuckDB's result chunks as they come.
   */
  writer: 'copy' | 'xlsx';
  /** The COPY options, for `copy` formats. */
  copy?: string;
  /** Text around the COPY file: a GeoJSON FeatureCollection is DuckDB's JSON array of features. */
  wrap?: [string, string];
  /** Timestamps as ISO 8601 text with Z, as `/query` gives them (Parquet keeps the type). */
  isoTimestamps: boolean;
  /** GeoJSON geometry columns as nested JSON rather than text, as `/query` gives them. */
  nestedGeometry: boolean;
  /** Dates and times as Excel's serial day numbers, computed by DuckDB rather than in Node. */
  excelDates?: boolean;
}

export const FORMATS: Record<ExportFormat, FormatSpec> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    writer: 'copy',
    copy: 'FORMAT csv, HEADER true',
    isoTimestamps: true,
    nestedGeometry: false,
  },
  tsv: {
    contentType: 'text/tab-separated-values; charset=utf-8',
    writer: 'copy',
    copy: `FORMAT csv, HEADER true, DELIMITER '\t'`,
    isoTimestamps: true,
    nestedGeometry: false,
  },
  json: {
    contentType: 'application/json; charset=utf-8',
    writer: 'copy',
    copy: 'FORMAT json, ARRAY true',
    isoTimestamps: true,
    nestedGeometry: true,
  },
  ndjson: {
    contentType: 'application/x-ndjson; charset=utf-8',
    writer: 'copy',
    copy: 'FORMAT json',
    isoTimestamps: true,
    nestedGeometry: true,
  },
  parquet: {
    contentType: 'application/vnd.apache.parquet',
    writer: 'copy',
    copy: 'FORMAT parquet',
    isoTimestamps: false,
    nestedGeometry: false,
  },
  geojson: {
    contentType: 'application/geo+json',
    writer: 'copy',
    copy: 'FORMAT json, ARRAY true',
    wrap: ['{"type":"FeatureCollection","features":', '}\n'],
    isoTimestamps: true,
    nestedGeometry: true,
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    writer: 'xlsx',
    isoTimestamps: false,
    nestedGeometry: false,
    excelDates: true,
  },
};

/** Excel's sheet limit is 1,048,576 rows, one of them the header. */
export const XLSX_MAX_ROWS = 1_048_575;
