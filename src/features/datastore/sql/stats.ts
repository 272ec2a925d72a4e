import type { DuckDBConnection } from '@duckdb/node-api';
import { oneRow } from '../../../platform/engine/engine.js';
import { sqlIdentifier } from '../../../platform/engine/sql.js';
import { ROW_ID, type Field, type FieldStats, type FieldType } from '../field.js';
import { versionRelation } from './read-files.js';

/** A column's statistics as DuckDB gives them, before they are typed for the report. */
export interface RawStats {
  nulls: number;
  min: string | null;
  max: string | null;
  distinct: number;
}

/**
 * The aggregates giving a column's statistics, named by `key`: nulls, min, max (none for
 * geometry text: long, and its order means nothing) and an estimate of distinct values.
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
    `approx_count_distinct(${col}) AS ${sqlIdentifier(`distinct_${key}`)}`,
  ];
}

/** The estimate of distinct values alone, named as `statsSql` names it. */
export const distinctSql = (column: string, key: string | number): string =>
  `approx_count_distinct(${sqlIdentifier(column)}) AS ${sqlIdentifier(`distinct_${key}`)}`;

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
    distinct: Number(row[`distinct_${key}`] ?? 0),
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

/**
 * Nulls, min, max, an estimate of distinct values and a few sample values, per field of the
 * written Parquet file. Statistics already known (`known[i]`, taken in the same pass that
 * profiled the staging table, for columns written unchanged) are not computed again: the file
 * is scanned only for the fields converted on the way, and for the samples (first rows only).
 */
export async function collectStats(
  c: DuckDBConnection,
  parquetFile: string,
  fields: Field[],
  known: (RawStats | undefined)[] = [],
): Promise<Field[]> {
  // A file just written: its rows' ids are their places in it.
  const source = versionRelation(parquetFile, 'position');
  const missing = fields.flatMap((f, i) => {
    const k = known[i];
    if (!k) return statsSql(f.name, i, f.geometry === true);
    return Number.isNaN(k.distinct) ? [distinctSql(f.name, i)] : [];
  });
  const computed =
    missing.length > 0 ? await oneRow(c, `SELECT ${missing.join(', ')} FROM ${source}`) : {};
  // The first five distinct values among each column's first 1,000 non-null ones, in the
  // order of the file (so the same data gives the same report), in one statement.
  const rowId = sqlIdentifier(ROW_ID);
  const sampled = fields.flatMap((f, i) => {
    if (f.geometry) return [];
    const col = sqlIdentifier(f.name);
    const first = `SELECT ${col} AS v, ${rowId} AS r FROM ${source} WHERE ${col} IS NOT NULL LIMIT 1000`;
    return [
      `(SELECT list(v ORDER BY r) FROM (SELECT v, min(r) AS r FROM (${first}) GROUP BY v ` +
        `ORDER BY r LIMIT 5)) AS ${sqlIdentifier(`samples_${i}`)}`,
    ];
  });
  const samples = sampled.length > 0 ? await oneRow(c, `SELECT ${sampled.join(', ')}`) : {};
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
