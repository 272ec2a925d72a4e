import { sqlIdentifier as q, sqlString } from '../../../platform/engine/sql.js';
import { invalidParameter } from '../../../platform/errors.js';
import type { Field, FieldType, GeometryInfo } from '../field.js';
import type { QueryInput } from '../query.schemas.js';
import { NUMERIC, Params, whereSql, type BuiltQuery, type OutputField } from './query-parts.js';

const RESULT_TYPE: Record<string, (t: FieldType) => FieldType> = {
  count: () => 'integer',
  count_distinct: () => 'integer',
  sum: (t) => t,
  avg: () => 'decimal',
  min: (t) => t,
  max: (t) => t,
  median: (t) => (t === 'integer' ? 'decimal' : t),
};

/** GROUP BY fields or time buckets, with aggregates; filters apply first, sort to the result. */
export function buildAggregateQuery(
  source: string,
  input: QueryInput,
  fields: Field[],
  geometry: GeometryInfo | null,
  p: Params = new Params(),
): BuiltQuery {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const field = (name: string | undefined, what: string, parameter = 'aggregates') => {
    const f = name === undefined ? undefined : byName.get(name);
    if (!f) {
      throw invalidParameter(parameter, `${what}: no field "${name ?? ''}"`, {
        column: name ?? null,
      });
    }
    return f;
  };
  const where = whereSql(input, fields, geometry, p);
  const out: OutputField[] = [];
  const selects: string[] = [];
  const groups: string[] = [];

  for (const g of input.group_by ?? []) {
    if (typeof g === 'string') {
      const f = field(g, 'group_by', 'group_by');
      selects.push(`${q(f.name)} AS ${q(f.name)}`);
      groups.push(q(f.name));
      out.push({ name: f.name, type: f.type });
    } else {
      const f = field(g.field, 'group_by', 'group_by');
      if (f.type !== 'date' && f.type !== 'timestamp') {
        throw invalidParameter(
          'group_by',
          `group_by: "${f.name}" is ${f.type}; buckets need a date or timestamp`,
          { column: f.name },
        );
      }
      const name = `${f.name}_${g.bucket}`;
      const bucket = `date_trunc(${sqlString(g.bucket)}, ${q(f.name)})`;
      selects.push(`cast(${bucket} AS DATE) AS ${q(name)}`);
      groups.push(bucket);
      out.push({ name, type: 'date' });
    }
  }
  const aggregates = input.aggregates?.length ? input.aggregates : [{ fn: 'count' as const }];
  for (const a of aggregates) {
    let expr: string;
    let type: FieldType;
    if (a.fn === 'count' && a.field === undefined) {
      expr = 'count(*)';
      type = 'integer';
    } else {
      const f = field(a.field, a.fn);
      if ((a.fn === 'sum' || a.fn === 'avg') && !NUMERIC.has(f.type)) {
        throw invalidParameter('aggregates', `${a.fn} needs a number; "${f.name}" is ${f.type}`, {
          column: f.name,
        });
      }
      if (
        a.fn === 'median' &&
        !NUMERIC.has(f.type) &&
        f.type !== 'date' &&
        f.type !== 'timestamp'
      ) {
        throw invalidParameter(
          'aggregates',
          `median needs a number or date; "${f.name}" is ${f.type}`,
          { column: f.name },
        );
      }
      const col = q(f.name);
      expr = a.fn === 'count_distinct' ? `count(DISTINCT ${col})` : `${a.fn}(${col})`;
      type = (RESULT_TYPE[a.fn] ?? (() => f.type))(f.type);
      if (a.fn === 'sum' && f.type === 'integer') expr = `cast(sum(${col}) AS BIGINT)`;
    }
    const name = a.as ?? (a.field ? `${a.fn}_${a.field}` : a.fn);
    if (out.some((o) => o.name === name)) {
      throw invalidParameter(
        'aggregates',
        `Two result columns are called "${name}": use "as" to name one`,
        { column: name },
      );
    }
    selects.push(`${expr} AS ${q(name)}`);
    out.push({ name, type });
  }

  const names = new Set(out.map((o) => o.name));
  const order = (input.sort ?? []).map((s) => {
    if (!names.has(s.field)) {
      throw invalidParameter(
        'sort',
        `Sort: "${s.field}" is not a result column (${[...names].join(', ')})`,
        { column: s.field },
      );
    }
    return `${q(s.field)} ${(s.dir ?? 'asc').toUpperCase()} NULLS LAST`;
  });
  // A stable order when none is asked for: by the groups.
  if (order.length === 0)
    order.push(...out.slice(0, groups.length).map((o) => `${q(o.name)} ASC NULLS LAST`));
  if (input.cursor !== undefined) {
    throw invalidParameter('cursor', 'Cursors page through records; use offset with group_by');
  }
  const whereClause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const groupClause = groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : '';
  const inner = `SELECT ${selects.join(', ')} FROM ${source}${whereClause}${groupClause}`;
  // The number of groups comes with the page, counted by a window over the grouped rows: one
  // pass over the data instead of a second aggregation only to count its groups.
  let totalColumn = '__total';
  while (names.has(totalColumn)) totalColumn = `_${totalColumn}`;
  const paged = `SELECT ${[...selects, `count(*) OVER () AS ${q(totalColumn)}`].join(', ')} FROM ${source}${whereClause}${groupClause}`;
  const limit = input.limit ?? 100;
  const orderClause = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  return {
    plainSql: `${inner}${orderClause}`,
    sql: `${paged}${orderClause} LIMIT ${limit} OFFSET ${input.offset ?? 0}`,
    countSql: `SELECT count(*) AS n FROM (${inner})`,
    totalColumn,
    countParams: p.values,
    params: p.values,
    fields: out,
    keyColumns: [],
    sortKey: [],
    limit,
  };
}
