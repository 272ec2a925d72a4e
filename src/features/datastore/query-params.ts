import { Type, type Static } from 'typebox';
import { DomainError, invalidParameter } from '../../platform/errors.js';
import { AGGREGATES, BUCKETS, OPS, type QueryInput } from './query.schemas.js';

const List = Type.Union([
  Type.String({ maxLength: 10_000 }),
  Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 50 }),
]);

/** The query as a URL, for links and browsers: the same query as the JSON body. */
export const QueryString = Type.Object(
  {
    filter: Type.Optional(List),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.String({ maxLength: 1000 })),
    fields: Type.Optional(Type.String({ maxLength: 10_000 })),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    cursor: Type.Optional(Type.String({ maxLength: 4000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    group_by: Type.Optional(Type.String({ maxLength: 1000 })),
    aggregate: Type.Optional(List),
    format: Type.Optional(
      Type.Unsafe<'json' | 'geojson'>({ type: 'string', enum: ['json', 'geojson'] }),
    ),
  },
  { additionalProperties: false },
);
export type QueryStringInput = Static<typeof QueryString>;

const list = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const csv = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * `filter=field:op:value` (repeatable; `in` values separated by `|`; `within_bbox` as
 * `:within_bbox:minx,miny,maxx,maxy`), `sort=-a,b`, `fields=a,b`, `group_by=a,b:month`,
 * `aggregate=fn:field:as` (repeatable).
 */
export function parseQueryString(qs: QueryStringInput): QueryInput {
  const out: QueryInput = {};
  const filters = list(qs.filter).map((f) => {
    const [field = '', op = '', ...rest] = f.split(':');
    const value = rest.join(':');
    if (!(OPS as readonly string[]).includes(op)) {
      throw invalidParameter(
        'filter',
        `filter "${f}": the operator must be one of ${OPS.join(', ')}`,
      );
    }
    const o = op as (typeof OPS)[number];
    if (o === 'is_null' || o === 'not_null') return { field, op: o };
    if (o === 'within_bbox') return { op: o, value: value.split(',') };
    if (o === 'in') return { field, op: o, value: value.split('|') };
    return { field, op: o, value };
  });
  if (filters.length) out.filters = filters;
  if (qs.q !== undefined) out.q = qs.q;
  const sort = csv(qs.sort).map((s) =>
    s.startsWith('-')
      ? { field: s.slice(1), dir: 'desc' as const }
      : { field: s, dir: 'asc' as const },
  );
  if (sort.length) out.sort = sort;
  if (qs.fields) out.fields = csv(qs.fields);
  if (qs.limit !== undefined) out.limit = qs.limit;
  if (qs.offset !== undefined) out.offset = qs.offset;
  if (qs.cursor !== undefined) out.cursor = qs.cursor;
  if (qs.version !== undefined) out.version = qs.version;
  const groups = csv(qs.group_by).map((g) => {
    const [field = '', bucket] = g.split(':');
    if (bucket === undefined) return field;
    if (!(BUCKETS as readonly string[]).includes(bucket)) {
      throw invalidParameter(
        'group_by',
        `group_by "${g}": the bucket must be one of ${BUCKETS.join(', ')}`,
      );
    }
    return { field, bucket: bucket as (typeof BUCKETS)[number] };
  });
  if (groups.length) out.group_by = groups;
  const aggregates = list(qs.aggregate).map((a) => {
    const [fn = '', field, as] = a.split(':');
    if (!(AGGREGATES as readonly string[]).includes(fn)) {
      throw invalidParameter(
        'aggregate',
        `aggregate "${a}": the function must be one of ${AGGREGATES.join(', ')}`,
      );
    }
    if (as !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(as)) {
      throw invalidParameter(
        'aggregate',
        `aggregate "${a}": the name must be letters, digits and _`,
      );
    }
    return {
      fn: fn as (typeof AGGREGATES)[number],
      ...(field ? { field } : {}),
      ...(as ? { as } : {}),
    };
  });
  if (aggregates.length) out.aggregates = aggregates;
  return out;
}

const URL_NAMES: Record<string, string> = { filters: 'filter', aggregates: 'aggregate' };

/**
 * Runs a query given as URL parameters, so that its errors name the parameters as the URL has
 * them (`filter`, `aggregate`) rather than as the JSON body does (`filters`, `aggregates`).
 */
export async function withUrlNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DomainError) || !Array.isArray(err.details)) throw err;
    const details = (err.details as { field?: unknown }[]).map((d) =>
      typeof d.field === 'string' && URL_NAMES[d.field] ? { ...d, field: URL_NAMES[d.field] } : d,
    );
    throw new DomainError(err.kind, err.code, err.message, details);
  }
}
