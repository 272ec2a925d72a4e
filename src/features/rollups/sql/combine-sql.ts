import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import type { Match } from '../member-checks.js';
import { PUBLISHER_COLUMN, type TableSchema } from '../table-schema.js';
import { DUCKDB_TYPES, typedValue } from './values.js';

// The combined table: each passing member's rows with its columns mapped by name to the
// schema's fields and read as their types (a missing optional field is empty), the member's
// organisation as `publisher`, written as one Parquet file in a fixed order (member as given, then row),
// so the same members give the same file and an unchanged roll-up makes no new version.

export interface CombinedMember {
  /** A DuckDB table expression reading the member's version, `_id` included. */
  relation: string;
  publisher: string;
  matches: readonly Match[];
}

function memberSelect(schema: TableSchema, m: CombinedMember, order: number): string {
  const columns = schema.fields.map((field) => {
    const match = m.matches.find((x) => x.field.name === field.name);
    const value = match?.column ? typedValue(field, match.column) : 'NULL';
    return `CAST(${value} AS ${DUCKDB_TYPES[field.type]}) AS ${sqlIdentifier(field.name)}`;
  });
  return (
    `SELECT ${String(order)} AS "__member", "_id" AS "__row", ` +
    `${sqlString(m.publisher)} AS ${sqlIdentifier(PUBLISHER_COLUMN)}, ${columns.join(', ')} ` +
    `FROM ${m.relation}`
  );
}

/** Writes the members' rows, combined, as the Parquet file `file`. */
export function combineSql(
  schema: TableSchema,
  members: readonly CombinedMember[],
  file: string,
): string {
  const union = members.map((m, i) => memberSelect(schema, m, i)).join(' UNION ALL ');
  return (
    `COPY (SELECT * EXCLUDE ("__member", "__row") FROM (${union}) ORDER BY "__member", "__row") ` +
    `TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`
  );
}
