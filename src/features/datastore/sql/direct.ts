import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import { VERSION_PARQUET } from './copy.js';
import { MISFIT } from './write-exprs.js';

// The SQL of a load's single pass: read the source once and write the version's Parquet file
// from it, with types guessed from the first rows and checked on every row as it is written.

/** The first rows of the source, kept on the load's connection to guess types from. */
export const SAMPLE = 'direct_sample';
export const SAMPLE_ROWS = 20_480;
export const sampleSql = (relation: string): string =>
  `CREATE TEMP TABLE ${SAMPLE} AS SELECT * FROM ${relation} LIMIT ${SAMPLE_ROWS}`;
export const DROP_SAMPLE_SQL = `DROP TABLE IF EXISTS ${SAMPLE}`;
export const DESCRIBE_SAMPLE_SQL = `DESCRIBE ${SAMPLE}`;

/** Per timestamp column of the sample: whether every value is at midnight (dates, really). */
export function midnightSql(columns: string[]): string {
  const parts = columns.map((c, i) => {
    const col = sqlIdentifier(c);
    return `coalesce(bool_and(${col} = date_trunc('day', ${col})), false) AS ${sqlIdentifier(`midnight_${i}`)}`;
  });
  return `SELECT ${parts.join(', ')} FROM ${SAMPLE}`;
}

/** A timestamp column written as dates, failing the statement at the first time of day. */
export function midnightDateExpr(column: string): string {
  const col = sqlIdentifier(column);
  return `CASE WHEN ${col} = date_trunc('day', ${col}) THEN cast(${col} AS DATE) WHEN ${col} IS NULL THEN NULL ELSE error(${sqlString(MISFIT)}) END`;
}

/**
 * Writes the Parquet file straight from the source, in the source's order: `_id` is the row's
 * place in the file, read back as DuckDB's file_row_number (numbering rows while writing, WITH
 * ORDINALITY, made the parallel read wait on one thread and cost 40% of the load). `parsed`
 * are values read once from the source for the selects to check and keep. DuckDB returns each
 * column's nulls, min and max as it writes (RETURN_STATS), so only the distinct counts need
 * another look at the data.
 */
export function directCopySql(
  relation: string,
  selects: string[],
  parsed: string[],
  file: string,
): string {
  const source = parsed.length > 0 ? `(SELECT *, ${parsed.join(', ')} FROM ${relation})` : relation;
  return (
    `COPY (SELECT ${selects.join(', ')} FROM ${source}) TO ${sqlString(file)} ` +
    `(${VERSION_PARQUET}, RETURN_STATS)`
  );
}
