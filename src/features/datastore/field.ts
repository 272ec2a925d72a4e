/** The types a datastore column can have, as the API names them. */
export type FieldType = 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'text';
export const FIELD_TYPES: readonly FieldType[] = [
  'integer',
  'decimal',
  'boolean',
  'date',
  'timestamp',
  'text',
];

export const DUCKDB_TYPE: Record<FieldType, string> = {
  integer: 'BIGINT',
  decimal: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  text: 'VARCHAR',
};

export interface FieldStats {
  nulls: number;
  min: string | number | null;
  max: string | number | null;
  distinct: number;
  samples: (string | number | boolean)[];
}

export interface Field {
  name: string;
  type: FieldType;
  /** The column's name in the source file, when it had to be changed (blank or duplicate). */
  source_name?: string;
  /** How source text was read: 'uk-date', 'thousands', 'currency-gbp', 'percent' ... */
  format?: string;
  /** Geometry: this text column holds GeoJSON geometries. */
  geometry?: boolean;
  stats?: FieldStats;
}

/** How rows are placed on a map: a GeoJSON column, or a latitude/longitude pair. */
export type GeometryInfo =
  { kind: 'geojson'; field: string } | { kind: 'latlon'; lat: string; lon: string };

export interface Warning {
  /** 1-based line in the source file, when known. */
  line?: number;
  field?: string;
  message: string;
}

/** A loaded file: its Parquet file (complete, not yet published) and what the load learnt. */
export interface IngestResult {
  parquetFile: string;
  rows: number;
  fields: Field[];
  geometry: GeometryInfo | null;
  warnings: Warning[];
  encoding?: string | undefined;
}

export interface IngestReport {
  rows: number;
  columns: number;
  format: string;
  encoding?: string;
  fields: Field[];
  warnings: Warning[];
  errors: string[];
  seconds: number;
}

/** Internal columns every version has: a stable row id and, for maps, a bounding box. */
export const ROW_ID = '_id';
export const BBOX = ['_minx', '_miny', '_maxx', '_maxy'] as const;
