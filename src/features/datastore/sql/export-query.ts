import type { SqlParam } from '../../../platform/engine/engine.js';
import { sqlIdentifier as q } from '../../../platform/engine/sql.js';
import { invalidParameter } from '../../../platform/errors.js';
import { FORMATS, type ExportFormat } from '../export-formats.js';
import { BBOX, ROW_ID, type Field, type GeometryInfo } from '../field.js';
import type { QueryInput } from '../query.schemas.js';
import { defusedText, defusesFormulas } from './formula-defuse.js';
import { buildQuery, type VersionSource } from './query-builder.js';
import { Params, whereSql, type OutputField } from './query-parts.js';

/** An export without `limit` is every matching row; the records builder always writes a LIMIT. */
const ALL = Number.MAX_SAFE_INTEGER;

export interface ExportQuery {
  sql: string;
  params: SqlParam[];
  /** Counts the rows the export will have (for XLSX's sheet limit), with `countParams`. */
  countSql: string;
  countParams: SqlParam[];
  /** The exported columns, in order. */
  columns: OutputField[];
}

const isAggregate = (input: QueryInput) =>
  (input.group_by?.length ?? 0) > 0 || (input.aggregates?.length ?? 0) > 0;

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/**
 * A date or time as Excel's serial number: days since 1899-12-30, the time as a fraction. Read
 * through TIMESTAMP whatever the column's SQL type, since an aggregate of dates (a median, say)
 * may come back as a timestamp.
 */
function excelSerial(c: OutputField): string {
  const col = q(c.name);
  return (
    `CASE WHEN isfinite(${col}) THEN ` +
    `epoch_ms(CAST(${col} AS TIMESTAMP)) / 86400000.0 + ${EXCEL_EPOCH_DAYS} END`
  );
}

/**
 * A timestamp as ISO 8601 text in UTC, as `/query` gives it: whole seconds by strftime (half the
 * CPU of a cast and a replace, on every row of an export), a fraction of a second as DuckDB
 * writes it (`…05.5Z`, trailing zeros dropped).
 */
function isoTimestamp(col: string): string {
  return (
    `CASE WHEN microsecond(${col}) % 1000000 = 0 THEN strftime(${col}, '%Y-%m-%dT%H:%M:%SZ') ` +
    `ELSE replace(CAST(${col} AS VARCHAR), ' ', 'T') || 'Z' END`
  );
}

/** A column as the format wants it: timestamps and GeoJSON text written as `/query` gives them. */
function columnExpr(c: OutputField, fmt: ExportFormat, geojsonField: string | null): string {
  const spec = FORMATS[fmt];
  if (spec.excelDates && (c.type === 'date' || c.type === 'timestamp')) return excelSerial(c);
  if (c.type === 'timestamp' && spec.isoTimestamps) return isoTimestamp(q(c.name));
  if (c.name === geojsonField && spec.nestedGeometry) return `TRY_CAST(${q(c.name)} AS JSON)`;
  if (c.type === 'text' && defusesFormulas(fmt)) return defusedText(q(c.name));
  return q(c.name);
}

/**
 * One GeoJSON Feature per row, as `/query?format=geojson` gives it (id, geometry from the GeoJSON
 * column or a Point from latitude and longitude, the other columns as properties), so that DuckDB
 * writes the features itself.
 */
function featureSelects(columns: OutputField[], g: GeometryInfo): string[] {
  const geometry =
    g.kind === 'geojson'
      ? `TRY_CAST(${q(g.field)} AS JSON)`
      : `CASE WHEN ${q(g.lat)} IS NOT NULL AND ${q(g.lon)} IS NOT NULL THEN ` +
        `struct_pack(type := 'Point', coordinates := [${q(g.lon)}, ${q(g.lat)}]) END`;
  const props = columns
    .filter((c) => g.kind !== 'geojson' || c.name !== g.field)
    .map((c) => `${q(c.name)} := ${columnExpr(c, 'geojson', null)}`);
  return [
    `'Feature' AS "type"`,
    `${q(ROW_ID)} AS "id"`,
    `${geometry} AS "geometry"`,
    `${props.length ? `struct_pack(${props.join(', ')})` : 'json_object()'} AS "properties"`,
  ];
}

function refuseUnfit(g: GeometryInfo | null, input: QueryInput, fmt: ExportFormat): void {
  if (fmt !== 'geojson') return;
  if (!g) {
    throw invalidParameter(
      'format',
      'GeoJSON export needs a geographic resource (a GeoJSON geometry column, or latitude and ' +
        'longitude); this resource has neither: export csv, json or another format',
      { format: fmt },
    );
  }
  if (isAggregate(input)) {
    throw invalidParameter(
      'format',
      'GeoJSON export takes records; group_by and aggregate need another format',
      { format: fmt },
    );
  }
}

/**
 * The export's SQL: the query `/query` would run (same validation, filters, sort and fields),
 * with every row unless `limit` is given, and `_id` and the bounding box only when asked for.
 */
export function exportQuery(vs: VersionSource, input: QueryInput, fmt: ExportFormat): ExportQuery {
  const g = vs.geometry;
  refuseUnfit(g, input, fmt);
  // Only GeoJSON versions have bounding-box columns; they are fields here so `fields` may name them.
  const fields: Field[] =
    g?.kind === 'geojson'
      ? [...vs.fields, ...BBOX.map((name) => ({ name, type: 'decimal' as const }))]
      : vs.fields;
  const wanted = [...new Set(input.fields ?? vs.fields.map((f) => f.name))];
  // A GeoJSON export needs its geometry columns even when `fields` leaves them out.
  const geomColumns =
    fmt !== 'geojson' || !g ? [] : g.kind === 'geojson' ? [g.field] : [g.lat, g.lon];
  const { built } = buildQuery(
    { ...vs, fields },
    { ...input, fields: [...new Set([...wanted, ...geomColumns])], limit: input.limit ?? ALL },
  );
  const byName = new Map(built.fields.map((f) => [f.name, f]));
  const columns = isAggregate(input)
    ? built.fields
    : wanted.map((name) => byName.get(name) ?? { name, type: 'text' as const });

  // Without a sort or cursor, rows come in `_id` order as stored in the Parquet file (DuckDB
  // keeps insertion order), so the full sort `/query` does for its pages is skipped. That form
  // takes the filters' parameters only.
  let rows = built.sql;
  let params = built.params;
  let unordered = built.sql;
  let unorderedParams = built.params;
  if (!isAggregate(input) && input.cursor === undefined) {
    const filterParams = new Params();
    const where = whereSql(input, fields, g, filterParams);
    unorderedParams = filterParams.values;
    const limit = input.limit === undefined ? '' : ` LIMIT ${input.limit}`;
    const offset = input.offset ? ` OFFSET ${input.offset}` : '';
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    unordered = `SELECT * FROM ${vs.source}${filter}${limit}${offset}`;
    if (!input.sort?.length) [rows, params] = [unordered, unorderedParams];
  }

  const geojsonField = g?.kind === 'geojson' ? g.field : null;
  const selects =
    fmt === 'geojson' && g
      ? featureSelects(columns, g)
      : columns.map((c) => `${columnExpr(c, fmt, geojsonField)} AS ${q(c.name)}`);
  return {
    sql: `SELECT ${selects.join(', ')} FROM (${rows})`,
    params,
    countSql: `SELECT count(*) AS n FROM (${unordered})`,
    countParams: unorderedParams,
    columns,
  };
}
