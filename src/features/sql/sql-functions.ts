// Which functions a query may call. The allow-list is DuckDB's own catalogue of scalar,
// aggregate and macro functions in its main schema (read from the instance at start, so an
// upgrade's new functions are known by name), minus the deny-list below: functions that read
// settings, the environment, the catalogue or files, or that run a string as SQL. Table
// functions (read_csv, glob, query, duckdb_settings(), range() as a table...) are never allowed.

/** Denied by name even though the catalogue lists them. */
const DENIED = new Set([
  'getenv',
  'current_setting',
  'getvariable',
  'current_query',
  'current_query_id',
  'query',
  'query_table',
  'sql_auto_complete',
  'which_secret',
  'json_execute_serialized_sql',
  'get_block_size',
  'current_database',
  'current_catalog',
  'current_schema',
  'current_schemas',
  'current_role',
  'current_user',
  'session_user',
  'user',
  'nextval',
  'currval',
  'setseed',
  'load',
  'install',
]);

/** Families denied by prefix: the catalogue, pragmas, file readers, PostgreSQL's catalogue. */
const DENIED_PREFIXES = ['duckdb_', 'pragma_', 'read_', 'glob', 'pg_', 'parquet_', 'sniff_'];

/** Window functions (they are not in the catalogue's function list). */
const WINDOW_FUNCTIONS = new Set([
  'row_number',
  'rank',
  'dense_rank',
  'rank_dense',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
  'fill',
]);

/** At most this many elements or characters from one generating call (range(n), repeat()). */
export const MAX_GENERATED = 1_000_000;

/**
 * Functions whose output size is set by an argument: those arguments must be whole-number
 * constants up to MAX_GENERATED, because DuckDB builds such a value in one piece that neither
 * the memory limit nor an interrupt stops (range(100000000) ran 77 s past its time limit).
 * The value is the argument positions, or 'all'.
 */
export const BOUNDED: ReadonlyMap<string, number[] | 'all'> = new Map<string, number[] | 'all'>([
  ['range', 'all'],
  ['generate_series', 'all'],
  ['repeat', [1]],
  ['list_resize', [1]],
  ['array_resize', [1]],
  ['lpad', [1]],
  ['rpad', [1]],
]);

/** Functions DuckDB's parser handles itself, so they are not in its catalogue. */
const SYNTAX_FUNCTIONS = new Set(['unnest', 'unlist']);

export function isDenied(name: string): boolean {
  return DENIED.has(name) || DENIED_PREFIXES.some((p) => name.startsWith(p));
}

/** Whether a function call (or a window function, when `window`) may run. */
export function isAllowed(name: string, known: ReadonlySet<string>, window: boolean): boolean {
  if (isDenied(name)) return false;
  return known.has(name) || SYNTAX_FUNCTIONS.has(name) || (window && WINDOW_FUNCTIONS.has(name));
}
