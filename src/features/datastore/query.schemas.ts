import { Type, type Static } from 'typebox';
import { enumOf } from '../../platform/http/schemas.js';

export const OPS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'contains',
  'starts_with',
  'is_null',
  'not_null',
  'within_bbox',
] as const;
export const BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export const AGGREGATES = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
] as const;

/** A field of a resource's data, by name. */
export const FieldName = Type.String({ minLength: 1, maxLength: 200 });
const Scalar = Type.Union([
  Type.String({ maxLength: 10_000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

export const Filter = Type.Object(
  {
    field: Type.Optional(FieldName),
    op: enumOf(OPS),
    value: Type.Optional(Type.Union([Scalar, Type.Array(Scalar, { maxItems: 1000 })])),
  },
  { additionalProperties: false },
);

export const QueryBody = Type.Object(
  {
    filters: Type.Optional(Type.Array(Filter, { maxItems: 50 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(
      Type.Array(
        Type.Object(
          { field: FieldName, dir: Type.Optional(enumOf(['asc', 'desc'] as const)) },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
    fields: Type.Optional(Type.Array(FieldName, { maxItems: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    cursor: Type.Optional(Type.String({ maxLength: 4000 })),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    group_by: Type.Optional(
      Type.Array(
        Type.Union([
          FieldName,
          Type.Object(
            { field: FieldName, bucket: enumOf(BUCKETS) },
            { additionalProperties: false },
          ),
        ]),
        { maxItems: 10 },
      ),
    ),
    aggregates: Type.Optional(
      Type.Array(
        Type.Object(
          {
            fn: enumOf(AGGREGATES),
            field: Type.Optional(FieldName),
            as: Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type QueryInput = Static<typeof QueryBody>;
export type FilterInput = Static<typeof Filter>;
