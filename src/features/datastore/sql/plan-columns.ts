import type { DuckDBConnection } from '@duckdb/node-api';
import { prepare } from '../../../platform/engine/engine.js';
import { sqlIdentifier } from '../../../platform/engine/sql.js';
import { BBOX, DUCKDB_TYPE, type Field, type FieldType, type Warning } from '../field.js';
import { firstMisfitSql, overrideExpr, type Inferred } from './infer.js';
import { profileColumns, type ProfileRequest } from './profile.js';
import { STAGING } from './staging.js';
import type { RawStats } from './stats.js';

const TYPE_OF: Record<string, FieldType> = {
  BIGINT: 'integer',
  INTEGER: 'integer',
  SMALLINT: 'integer',
  TINYINT: 'integer',
  HUGEINT: 'integer',
  UBIGINT: 'integer',
  UINTEGER: 'integer',
  USMALLINT: 'integer',
  UTINYINT: 'integer',
  DOUBLE: 'decimal',
  FLOAT: 'decimal',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamp',
  VARCHAR: 'text',
};

const fieldTypeOf = (duckType: string): FieldType | null =>
  TYPE_OF[duckType] ?? (duckType.startsWith('DECIMAL') ? 'decimal' : null);

/** How a column DuckDB typed itself is written: times in UTC, all-midnight times as dates. */
function typedExpr(source: string, duckType: string, asDate: boolean): string {
  const col = sqlIdentifier(source);
  if (asDate) return `cast(${col} AS DATE)`;
  if (duckType === 'TIMESTAMP WITH TIME ZONE')
    return `cast(${col} AT TIME ZONE 'UTC' AS TIMESTAMP)`;
  return fieldTypeOf(duckType) ? col : `cast(${col} AS VARCHAR)`;
}

export interface ColumnsInput {
  /** The staging table's columns, their final names and DuckDB types, in order. */
  sourceNames: string[];
  names: string[];
  types: string[];
  /** The types inferred for the text columns. */
  inferred: Map<string, Inferred>;
  /** Types the publisher chose, by final name. */
  chosen: Record<string, FieldType>;
  /** The source gives a GeoJSON `geometry` column and bounding-box columns. */
  geometry: boolean;
}

export interface ColumnsPlan {
  fields: Field[];
  /** The SELECT list writing the Parquet file from the staging table (`_id` first). */
  selects: string[];
  /** Statistics of the fields written unchanged, from the profile pass; by field. */
  known: (RawStats | undefined)[];
  warnings: Warning[];
}

interface Column {
  source: string;
  name: string;
  duckType: string;
  pick: Inferred | undefined;
  chosen: FieldType | undefined;
}

/** A text column whose inferred (or chosen) type is text: written as is when it is clean. */
const staysText = (col: Column) =>
  col.pick !== undefined && (col.chosen ?? col.pick.type) === 'text';

/**
 * Decides how each staging column is written: its type (inferred, DuckDB's own, or the
 * publisher's), the expression converting it, and its statistics when it is written as it is.
 * One pass over the staging table (profileColumns) tells which text columns have nothing to
 * trim, which timestamps are dates, and the statistics; columns that need neither trimming nor
 * converting are copied as they are, the cheapest way to write them.
 */
export async function planColumns(c: DuckDBConnection, input: ColumnsInput): Promise<ColumnsPlan> {
  const isBbox = (s: string) => input.geometry && BBOX.includes(s as (typeof BBOX)[number]);
  const isGeometry = (s: string) => input.geometry && s === 'geometry';
  const columns: Column[] = input.sourceNames.flatMap((source, i) => {
    if (isBbox(source)) return [];
    const name = input.names[i] ?? source;
    return [
      {
        source,
        name,
        duckType: input.types[i] ?? 'VARCHAR',
        pick: isGeometry(source) ? undefined : input.inferred.get(source),
        chosen: input.chosen[name],
      },
    ];
  });
  const requests: ProfileRequest[] = columns.map((col) => {
    const typed = col.pick === undefined && !isGeometry(col.source);
    const unchanged =
      isGeometry(col.source) ||
      staysText(col) ||
      (typed &&
        fieldTypeOf(col.duckType) !== null &&
        col.duckType !== 'TIMESTAMP WITH TIME ZONE' &&
        (col.chosen === undefined || col.chosen === fieldTypeOf(col.duckType)));
    return {
      column: col.source,
      stats: unchanged,
      text: staysText(col),
      timestamp: typed && col.duckType === 'TIMESTAMP',
      geometry: isGeometry(col.source),
    };
  });
  const profiles = await profileColumns(c, STAGING, requests);

  const plan: ColumnsPlan = {
    fields: [],
    selects: [],
    known: [],
    warnings: [],
  };
  for (const [i, col] of columns.entries()) {
    const { source, name, chosen } = col;
    const profile = profiles[i] ?? {};
    const raw = sqlIdentifier(source);
    let pick = col.pick;
    let type: FieldType;
    let expr: string;
    if (isGeometry(source)) {
      type = 'text';
      expr = raw;
    } else if (chosen && pick) {
      type = chosen;
      // Text chosen over an inferred type is the text itself, trimmed (unless already tidy).
      expr = chosen === 'text' && profile.clean ? raw : overrideExpr(source, chosen);
      if (chosen !== pick.type && chosen !== 'text') {
        const misfit = (
          await (await prepare(c, firstMisfitSql(STAGING, source, chosen), [])).runAndReadAll()
        ).getRowObjectsJson()[0] as Record<string, unknown> | undefined;
        if (misfit) {
          plan.warnings.push({
            line: Number(misfit.row) + 1,
            field: name,
            message: `"${String(misfit.value)}" is not ${chosen}: loaded as empty`,
          });
        }
      }
      pick = undefined;
    } else if (pick) {
      type = pick.type;
      expr = pick.type === 'text' && profile.clean ? raw : pick.expr;
      if (pick.note) plan.warnings.push({ field: name, message: pick.note });
    } else {
      const midnight = profile.midnight === true;
      type = midnight ? 'date' : (fieldTypeOf(col.duckType) ?? 'text');
      expr = typedExpr(source, col.duckType, midnight);
      if (chosen && chosen !== type) expr = `try_cast(${expr} AS ${DUCKDB_TYPE[chosen]})`;
      if (chosen) type = chosen;
    }
    plan.selects.push(`${expr} AS ${sqlIdentifier(name)}`);
    plan.known.push(expr === raw ? profile.stats : undefined);
    plan.fields.push({
      name,
      type,
      ...(name !== source ? { source_name: source } : {}),
      ...(pick?.format ? { format: pick.format } : {}),
      ...(isGeometry(source) ? { geometry: true } : {}),
    });
  }
  return plan;
}
