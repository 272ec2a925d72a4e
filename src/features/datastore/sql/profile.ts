import type { DuckDBConnection } from '@duckdb/node-api';
import { oneRow } from '../../../platform/engine/engine.js';
import { sqlIdentifier } from '../../../platform/engine/sql.js';
import { untidy } from './write-exprs.js';
import { readStats, statsSql, type RawStats } from './stats.js';

/** What to learn about one column of the staging table. */
export interface ProfileRequest {
  column: string;
  /** Its statistics, for a column that will be written unchanged. */
  stats: boolean;
  /** Text: whether any value is empty or has spaces around it (which the load trims away). */
  text: boolean;
  /** A timestamp: whether every value is at midnight (dates that DuckDB read as times). */
  timestamp: boolean;
  geometry: boolean;
}

export interface ColumnProfile {
  stats?: RawStats;
  /** Text with nothing to trim: `nullif(trim(v), '')` would leave every value as it is. */
  clean?: boolean;
  midnight?: boolean;
}

/**
 * One pass over the staging table for everything the load needs to know of whole columns
 * before writing them: statistics of the columns written as they are, which text columns need
 * no trimming, which timestamp columns hold only dates.
 */
export async function profileColumns(
  c: DuckDBConnection,
  table: string,
  requests: ProfileRequest[],
): Promise<ColumnProfile[]> {
  const parts = requests.flatMap((r, i) => {
    const col = sqlIdentifier(r.column);
    return [
      ...(r.stats ? statsSql(r.column, i, r.geometry) : []),
      ...(r.text
        ? [`count(*) FILTER (WHERE ${untidy(col)}) AS ${sqlIdentifier(`untidy_${i}`)}`]
        : []),
      ...(r.timestamp
        ? [
            `coalesce(bool_and(${col} = date_trunc('day', ${col})), false) AS ${sqlIdentifier(`midnight_${i}`)}`,
          ]
        : []),
    ];
  });
  if (parts.length === 0) return requests.map(() => ({}));
  const row = await oneRow(c, `SELECT ${parts.join(', ')} FROM ${table}`);
  return requests.map((r, i) => ({
    ...(r.stats ? { stats: readStats(row, i) } : {}),
    ...(r.text ? { clean: Number(row[`untidy_${i}`] ?? 1) === 0 } : {}),
    ...(r.timestamp ? { midnight: row[`midnight_${i}`] === true } : {}),
  }));
}
