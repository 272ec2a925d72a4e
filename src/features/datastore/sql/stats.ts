import type { DuckDBConnection } from '@duckdb/node-api';
import { oneRow, prepare } from '../../../platform/engine/engine.js';
import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import { ROW_ID, type Field, type FieldStats, type FieldType } from '../field.js';
import { readParquet, versionRelation } from './read-files.js';

/** A column's statistics as DuckDB gives them, before they are typed for the report. */
export interface RawStats {
  nulls: number;
  min: string | null;
  max: string | null;
  distinct: number;
}

/**
 * The aggregates giving a column's nulls, min and max (none for geometry text: long, and its
 * order means nothing), named by `key`. Distinct values are counted in the written file
 * (`distinctSql`), where the file's footer tells which columns have few.
 */
export function statsSql(column: string, key: string | number, geometry = false): string[] {
  const col = sqlIdentifier(column);
  const minmax = geometry
    ? ['NULL', 'NULL']
    : [`cast(min(${col}) AS VARCHAR)`, `cast(max(${col}) AS VARCHAR)`];
  return [
    `count(*) - count(${col}) AS ${sqlIdentifier(`nulls_${key}`)}`,
    `${minmax[0]} AS ${sqlIdentifier(`min_${key}`)}`,
    `${minmax[1]} AS ${sqlIdentifier(`max_${key}`)}`,
  ];
}

/**
 * The distinct values alone, named as `statsSql` names it: counted exactly when `exact`, else
 * estimated. An exact count of a few values is a fifth of the work of the estimate (and the
 * estimate is visibly off there: 11 for 10 boroughs), but needs memory for every value.
 */
export function distinctSql(column: string, key: string | number, exact = false): string {
  const col = sqlIdentifier(column);
  const count = exact ? `count(DISTINCT ${col})` : `approx_count_distinct(${col})`;
  return `${count} AS ${sqlIdentifier(`distinct_${key}`)}`;
}

/** Up to this many values in a column's dictionaries, its distinct values are counted exactly. */
const EXACT_DISTINCT_BOUND = 100_000;

/**
 * The columns of a Parquet file whose distinct values are few enough to count exactly: those
 * dictionary-encoded in every row group, whose dictionaries hold at most EXACT_DISTINCT_BOUND
 * values together. Read from the file's footer, so it costs no scan.
 */
async function fewValued(c: DuckDBConnection, parquetFile: string): Promise<Set<string>> {
  const rows = await (
    await prepare(
      c,
      'SELECT path_in_schema AS name FROM parquet_metadata(?) GROUP BY ALL ' +
        'HAVING count(*) = count(stats_distinct_count) AND sum(stats_distinct_count) <= ?',
      [parquetFile, EXACT_DISTINCT_BOUND],
    )
  ).runAndReadAll();
  return new Set(
    rows.getRowObjectsJson().flatMap((r) => (typeof r.name === 'string' ? [r.name] : [])),
  );
}

/**
 * A column's statistics as DuckDB's Parquet writer returned them (COPY … RETURN_STATS: a map
 * of quoted column name to a map of null_count, min, max …), distinct still to be counted
 * (NaN); undefined when min or max are missing though the column has values.
 */
export function copiedStats(
  returned: Record<string, unknown> | undefined,
  column: string,
  rows: number,
): RawStats | undefined {
  const entries = returned?.column_statistics;
  if (!Array.isArray(entries)) return undefined;
  const entry = (entries as { key: unknown; value: unknown }[]).find(
    (e) => e.key === sqlIdentifier(column),
  );
  if (!entry || !Array.isArray(entry.value)) return undefined;
  const stat = new Map(
    (entry.value as { key: unknown; value: unknown }[]).map((e) => [e.key, e.value]),
  );
  const nulls = Number(stat.get('null_count'));
  const min = stat.get('min');
  const max = stat.get('max');
  if (!Number.isFinite(nulls)) return undefined;
  if (nulls < rows && (typeof min !== 'string' || typeof max !== 'string')) return undefined;
  return {
    nulls,
    min: typeof min === 'string' ? min : null,
    max: typeof max === 'string' ? max : null,
    distinct: Number.NaN,
  };
}

/** Reads back what `statsSql` named `key`. */
export function readStats(row: Record<string, unknown>, key: string | number): RawStats {
  // min and max are cast to text in SQL.
  const text = (v: unknown) =>
    typeof v === 'string' ? v : v === null || v === undefined ? null : JSON.stringify(v);
  return {
    nulls: Number(row[`nulls_${key}`] ?? 0),
    min: text(row[`min_${key}`]),
    max: text(row[`max_${key}`]),
    // Not counted yet (NaN) when the aggregates held no distinct count.
    distinct: Number(row[`distinct_${key}`] ?? Number.NaN),
  };
}

/** Known statistics, with the distinct count computed afterwards when it was left to count. */
function withDistinct(
  k: RawStats | undefined,
  computed: Record<string, unknown>,
  i: number,
): RawStats | undefined {
  if (!k || !Number.isNaN(k.distinct)) return k;
  return { ...k, distinct: Number(computed[`distinct_${i}`] ?? 0) };
}

function typedStats(type: FieldType, raw: RawStats, samples: FieldStats['samples']): FieldStats {
  const value = (v: string | null) =>
    v === null ? null : type === 'integer' || type === 'decimal' ? Number(v) : v;
  return {
    nulls: raw.nulls,
    min: value(raw.min),
    max: value(raw.max),
    distinct: raw.distinct,
    samples,
  };
}

/** How many of a column's first values its samples are taken from. */
const SAMPLED_VALUES = 1000;
const SAMPLES = 5;

/** SQL: the first five distinct non-null values of `col` in `rows` (with row numbers `r`). */
const firstDistinct = (rows: string, col: string, key: number) =>
  `(SELECT list(v ORDER BY r) FROM (SELECT ${col} AS v, min(r) AS r FROM ${rows} WHERE ${col} IS NOT NULL ` +
  `GROUP BY v ORDER BY r LIMIT ${SAMPLES})) AS ${sqlIdentifier(`samples_${key}`)}`;

/**
 * The first five distinct values among each column's first 1,000 non-null ones, in the order
 * of the file (so the same data gives the same report). One read of the file's first 1,000 rows
 * answers for every column that has five distinct values in them or no nulls there; only
 * sparser columns read further, each on its own.
 */
async function sampleValues(
  c: DuckDBConnection,
  parquetFile: string,
  fields: Field[],
): Promise<Record<string, unknown>> {
  const columns = fields.flatMap((f, i) => (f.geometry ? [] : [{ col: sqlIdentifier(f.name), i }]));
  if (columns.length === 0) return {};
  const head = `SELECT file_row_number AS r, ${columns.map((x) => x.col).join(', ')} FROM read_parquet(${sqlString(parquetFile)}, file_row_number = true) LIMIT ${SAMPLED_VALUES}`;
  const first = await oneRow(
    c,
    `WITH head AS MATERIALIZED (${head}) SELECT ${columns
      .flatMap(({ col, i }) => [
        firstDistinct('head', col, i),
        `(SELECT count(${col}) FROM head) AS ${sqlIdentifier(`seen_${i}`)}`,
      ])
      .join(', ')}`,
  );
  const sparse = columns.filter(({ i }) => {
    const found = first[`samples_${i}`];
    const complete = Array.isArray(found) && found.length >= SAMPLES;
    return !complete && Number(first[`seen_${i}`]) < SAMPLED_VALUES;
  });
  if (sparse.length === 0) return first;
  const source = versionRelation(parquetFile, 'position');
  const rowId = sqlIdentifier(ROW_ID);
  const further = await oneRow(
    c,
    `SELECT ${sparse
      .map(({ col, i }) => {
        const values = `(SELECT ${col}, ${rowId} AS r FROM ${source} WHERE ${col} IS NOT NULL LIMIT ${SAMPLED_VALUES})`;
        return firstDistinct(values, col, i);
      })
      .join(', ')}`,
  );
  return { ...first, ...further };
}

/**
 * Nulls, min, max, the distinct values and a few sample values, per field of the written
 * Parquet file. Statistics already known (`known[i]`, from the pass that wrote the file or
 * profiled the staging table) are not computed again: the file is scanned only for the fields
 * converted on the way and for the distinct counts, and its first rows read for the samples.
 */
export async function collectStats(
  c: DuckDBConnection,
  parquetFile: string,
  fields: Field[],
  known: (RawStats | undefined)[] = [],
): Promise<Field[]> {
  const exact = await fewValued(c, parquetFile);
  const missing = fields.flatMap((f, i) => {
    const k = known[i];
    const distinct = distinctSql(f.name, i, exact.has(f.name));
    if (!k) return [...statsSql(f.name, i, f.geometry === true), distinct];
    return Number.isNaN(k.distinct) ? [distinct] : [];
  });
  const computed =
    missing.length > 0
      ? await oneRow(c, `SELECT ${missing.join(', ')} FROM ${readParquet(parquetFile)}`)
      : {};
  const samples = await sampleValues(c, parquetFile, fields);
  return fields.map((f, i) => {
    const list = samples[`samples_${i}`];
    return {
      ...f,
      stats: typedStats(
        f.type,
        withDistinct(known[i], computed, i) ?? readStats(computed, i),
        Array.isArray(list) ? (list as FieldStats['samples']) : [],
      ),
    };
  });
}
