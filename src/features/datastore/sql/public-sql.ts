import { sqlIdentifier as q } from '../../../platform/engine/sql.js';
import type { Field, GeometryInfo } from '../field.js';
import type { QueryInput } from '../query.schemas.js';
import { buildAggregateQuery } from './query-aggregate.js';
import { InlineParams } from './query-parts.js';

// Aggregate queries written as SQL anyone can run on the SQL endpoint: the statement the query
// API runs, compiled by the same code, but over a table's public name ("dataset/resource")
// and with its values written in as literals. An indicator links to its series this way.

/** The query API's aggregate query as one SELECT over `table`, every group, ordered. */
export function aggregateSql(
  table: string,
  input: QueryInput,
  fields: Field[],
  geometry: GeometryInfo | null,
): string {
  const built = buildAggregateQuery(q(table), input, fields, geometry, new InlineParams());
  if (built.plainSql === undefined) throw new Error('An aggregate query has no plain SQL');
  return built.plainSql;
}

export interface SeriesSqlInput {
  /** Grouped by the period column alone, with the aggregate `v` and, for a ratio, `d`. */
  query: QueryInput;
  /** The name of the period column the grouping gives. */
  period: string;
  /** The value is 100 × v / d (a percentage) rather than v. */
  ratio: boolean;
  /** The value is the running total of the periods so far. */
  cumulative: boolean;
}

/**
 * One row per period, `period` and `value`, in period order; periods without a value are left
 * out. The arithmetic is in DOUBLE, in the order an indicator's own computation does it, so
 * the numbers are the same to the last bit.
 */
export function seriesSql(
  table: string,
  s: SeriesSqlInput,
  fields: Field[],
  geometry: GeometryInfo | null,
): string {
  const period = q(s.period);
  const value = s.ratio ? '100 * CAST(v AS DOUBLE) / CAST(d AS DOUBLE)' : 'v';
  const valid = [`${period} IS NOT NULL`, 'v IS NOT NULL', ...(s.ratio ? ['d <> 0'] : [])];
  const rows =
    `SELECT ${period} AS period, ${value} AS value FROM per_period ` +
    `WHERE ${valid.join(' AND ')}`;
  const outer = s.cumulative
    ? `SELECT period, sum(value) OVER (ORDER BY period) AS value FROM (${rows}) ORDER BY period`
    : `${rows} ORDER BY period`;
  return `WITH per_period AS (${aggregateSql(table, s.query, fields, geometry)}) ${outer}`;
}
