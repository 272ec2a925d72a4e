// Type names as CKAN's datastore gives them: datastore_search and datastore_info name a
// column's type in the datastore's own words (`int`, `numeric`, `text` ...); datastore_search_sql
// gives PostgreSQL's native names (`int8`, `float8`, `text` ...), which CKAN clients map.

const FIELD_TYPES: Record<string, string> = {
  integer: 'int',
  decimal: 'numeric',
  boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp',
  text: 'text',
};

const NATIVE_OF_FIELD: Record<string, string> = {
  integer: 'int8',
  decimal: 'float8',
  boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp',
  text: 'text',
};

/** A datastore field's column type as PostgreSQL names it (datastore_info's `native_type`). */
export const fieldNativeType = (type: string): string => NATIVE_OF_FIELD[type] ?? 'text';

/** A datastore field's type as CKAN names it (`_id` is an `int`). */
export const ckanType = (type: string): string => FIELD_TYPES[type] ?? 'text';

const NATIVE: [RegExp, string][] = [
  [/^BIGINT$/, 'int8'],
  [/^(INTEGER|INT)$/, 'int4'],
  [/^(SMALLINT|TINYINT)$/, 'int2'],
  [/^(HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DECIMAL.*|NUMERIC.*)$/, 'numeric'],
  [/^DOUBLE$/, 'float8'],
  [/^(FLOAT|REAL)$/, 'float4'],
  [/^VARCHAR$/, 'text'],
  [/^BOOLEAN$/, 'bool'],
  [/^DATE$/, 'date'],
  [/^TIMESTAMP( WITH TIME ZONE)$/, 'timestamptz'],
  [/^TIMESTAMP.*$/, 'timestamp'],
  [/^TIME$/, 'time'],
  [/^INTERVAL$/, 'interval'],
];

/** A DuckDB result column's type as PostgreSQL (so CKAN's datastore_search_sql) names it. */
export function nativeType(duckdb: string): string {
  const upper = duckdb.toUpperCase();
  if (upper.endsWith('[]')) return `_${nativeType(upper.slice(0, -2))}`;
  return NATIVE.find(([re]) => re.test(upper))?.[1] ?? duckdb.toLowerCase();
}
