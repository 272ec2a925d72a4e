import { sqlIdentifier } from '../../../platform/engine/sql.js';
import { copySql, VERSION_PARQUET } from './copy.js';

// A load reads its source into one temporary table on its own connection, learns its columns
// there, and writes the version's Parquet file from it.

export const STAGING = 'staging';

/** Reads a source (a table expression from read-files.ts) into the staging table. */
export const stageSql = (relation: string): string =>
  `CREATE TEMP TABLE ${STAGING} AS SELECT * FROM ${relation}`;

export const DROP_STAGING_IF_ANY_SQL = `DROP TABLE IF EXISTS ${STAGING}`;
export const DROP_STAGING_SQL = `DROP TABLE ${STAGING}`;
export const DESCRIBE_STAGING_SQL = `DESCRIBE ${STAGING}`;
export const COUNT_STAGING_SQL = `SELECT count(*) AS n FROM ${STAGING}`;

/**
 * The version's Parquet file: the planned `selects` (see plan-columns.ts), then the `kept`
 * columns as they are. COPY keeps insertion order, so each row's place in the file (its
 * `_id`, see versionRelation) is its place in the source.
 */
export function writeVersionSql(selects: string[], kept: readonly string[], file: string): string {
  const columns = [...selects, ...kept.map(sqlIdentifier)];
  return copySql(`SELECT ${columns.join(', ')} FROM ${STAGING}`, file, VERSION_PARQUET);
}
