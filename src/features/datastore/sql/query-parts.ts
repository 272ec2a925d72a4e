import type { SqlParam } from '../../../platform/engine/engine.js';
import { sqlIdentifier as q, sqlLiteral } from '../../../platform/engine/sql.js';
import { invalidParameter } from '../../../platform/errors.js';
import { type Field, type FieldType, type GeometryInfo } from '../field.js';
import type { FilterInput, QueryInput } from '../query.schemas.js';
import { typedValue } from '../query-values.js';

// What the records and aggregate queries share: the shape of a built query, its bound
// parameters, and the WHERE clause of filters and text search.

export interface OutputField {
  name: string;
  type: FieldType;
}

export interface BuiltQuery {
  /** The page of records. */
  sql: string;
  /** Counts the rows (or groups) matching; null when the version's row count is exact. */
  countSql: string | null;
  /**
   * A hidden column of `sql` holding the count of all matching rows (or groups) on every row:
   * when set, `countSql` is needed only for a page past the end (no rows to read it from).
   */
  totalColumn?: string;
  countParams: SqlParam[];
  params: SqlParam[];
  fields: OutputField[];
  /** Hidden columns holding each record's cursor key, in order. */
  keyColumns: string[];
  sortKey: { field: string; dir: 'asc' | 'desc' }[];
  limit: number;
  /** Aggregates only: every group, ordered, without paging or the hidden total. */
  plainSql?: string;
}

const CMP: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const NUMERIC = new Set<FieldType>(['integer', 'decimal']);

class Params {
  readonly values: SqlParam[] = [];
  add(v: SqlParam): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Values written into the text as literals: SQL anyone can read and run as it stands. */
class InlineParams extends Params {
  override add(v: SqlParam): string {
    return sqlLiteral(v);
  }
}

function fieldOf(byName: Map<string, Field>, name: string | undefined, what: string): Field {
  const f = name === undefined ? undefined : byName.get(name);
  if (!f) {
    throw invalidParameter(
      'filters',
      `${what}: no field "${name ?? ''}"; fields are ${[...byName.keys()].join(', ')}`,
      { column: name ?? null },
    );
  }
  return f;
}

function filterSql(
  f: FilterInput,
  byName: Map<string, Field>,
  geometry: GeometryInfo | null,
  p: Params,
): string {
  if (f.op === 'within_bbox') {
    const box = f.value;
    if (
      !Array.isArray(box) ||
      box.length !== 4 ||
      !box.every(
        (n) =>
          typeof n === 'number' ||
          (typeof n === 'string' && n !== '' && Number.isFinite(Number(n))),
      )
    ) {
      throw invalidParameter(
        'filters',
        'within_bbox takes four finite numbers: [min_lon, min_lat, max_lon, max_lat]',
        { op: f.op },
      );
    }
    const [minx, miny, maxx, maxy] = box.map(Number) as [number, number, number, number];
    if (minx > maxx || miny > maxy) {
      throw invalidParameter('filters', 'within_bbox: the minimum is above the maximum', {
        op: f.op,
      });
    }
    if (!geometry) {
      throw invalidParameter('filters', 'within_bbox needs a geographic resource', { op: f.op });
    }
    if (geometry.kind === 'latlon') {
      return `(${q(geometry.lon)} BETWEEN ${p.add(minx)} AND ${p.add(maxx)} AND ${q(geometry.lat)} BETWEEN ${p.add(miny)} AND ${p.add(maxy)})`;
    }
    return `(${q('_maxx')} >= ${p.add(minx)} AND ${q('_minx')} <= ${p.add(maxx)} AND ${q('_maxy')} >= ${p.add(miny)} AND ${q('_miny')} <= ${p.add(maxy)})`;
  }
  const field = fieldOf(byName, f.field, `Filter ${f.op}`);
  const col = q(field.name);
  switch (f.op) {
    case 'is_null':
      return `${col} IS NULL`;
    case 'not_null':
      return `${col} IS NOT NULL`;
    case 'in': {
      if (!Array.isArray(f.value) || f.value.length === 0) {
        throw invalidParameter('filters', `Filter in on "${field.name}" takes a non-empty list`, {
          column: field.name,
        });
      }
      return `${col} IN (${f.value.map((v) => p.add(typedValue(field, v, 'in'))).join(', ')})`;
    }
    case 'contains':
    case 'starts_with': {
      if (typeof f.value !== 'string') {
        throw invalidParameter('filters', `Filter ${f.op} takes text`, { column: field.name });
      }
      const fn = f.op === 'contains' ? 'contains' : 'starts_with';
      return `${fn}(lower(cast(${col} AS VARCHAR)), lower(${p.add(f.value)}))`;
    }
    default: {
      if (f.value === undefined || f.value === null || Array.isArray(f.value)) {
        throw invalidParameter('filters', `Filter ${f.op} on "${field.name}" takes one value`, {
          column: field.name,
        });
      }
      return `${col} ${CMP[f.op] ?? '='} ${p.add(typedValue(field, f.value, f.op))}`;
    }
  }
}

export function whereSql(
  input: QueryInput,
  fields: Field[],
  geometry: GeometryInfo | null,
  p: Params,
): string[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const clauses = (input.filters ?? []).map((f) => filterSql(f, byName, geometry, p));
  const words = input.q?.trim();
  if (words) {
    const text = fields.filter((f) => f.type === 'text' && !f.geometry);
    if (text.length > 0) {
      const needle = p.add(words.toLowerCase());
      clauses.push(`(${text.map((f) => `contains(lower(${q(f.name)}), ${needle})`).join(' OR ')})`);
    } else clauses.push('false');
  }
  return clauses;
}

export { InlineParams, Params };
export { NUMERIC };
