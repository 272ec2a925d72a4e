import { Type, type Static } from 'typebox';
import { enumOf, IsoDate, Nullable, Slug } from '../../platform/http/schemas.js';
import { AGGREGATES, FieldName, Filter } from '../datastore/index.js';

/** The datastore's aggregates an indicator may use: all of them (a median of days to fix, say). */
export const INDICATOR_AGGREGATES = AGGREGATES;
export const INDICATOR_BUCKETS = ['month', 'quarter', 'year'] as const;

const Aggregate = Type.Object(
  { fn: enumOf(INDICATOR_AGGREGATES), field: Type.Optional(FieldName) },
  { additionalProperties: false },
);

/** How an indicator's values are computed from its resource (one datastore aggregate query). */
export const IndicatorQuery = Type.Object(
  {
    filters: Type.Optional(Type.Array(Filter, { maxItems: 20 })),
    date: Type.Object(
      {
        field: FieldName,
        bucket: Type.Optional(
          enumOf(
            INDICATOR_BUCKETS,
            'For a date column: the period each value covers. A text column of periods ' +
              '(2024-Q4, 2024-03, 2024) is read as it is.',
          ),
        ),
      },
      { additionalProperties: false },
    ),
    value: Aggregate,
    // When set, the value is 100 × value ÷ denominator (a percentage).
    denominator: Type.Optional(Aggregate),
    cumulative: Type.Optional(
      Type.Boolean({ description: 'A running total: each period adds to the ones before' }),
    ),
    group: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'A column to compare by, e.g. borough',
      }),
    ),
  },
  { additionalProperties: false },
);
export type IndicatorQueryInput = Static<typeof IndicatorQuery>;

const Point = Type.Object({ value: Type.Number(), date: IsoDate }, { additionalProperties: false });

const IndicatorFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 10_000, description: 'Markdown' }),
  unit: Type.String({ maxLength: 40, description: 'e.g. "%", "enrolments", "sites"' }),
  direction: enumOf(['up', 'down'] as const, 'Which way is good'),
  resource_id: Type.String({ minLength: 1, maxLength: 100 }),
  query: IndicatorQuery,
  baseline: Point,
  target: Point,
  promise_id: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
};

export const IndicatorCreateBody = Type.Object(
  {
    slug: Slug,
    ...IndicatorFields,
    description: Type.Optional(IndicatorFields.description),
    unit: Type.Optional(IndicatorFields.unit),
    direction: Type.Optional(IndicatorFields.direction),
    promise_id: Type.Optional(IndicatorFields.promise_id),
  },
  { additionalProperties: false },
);
export type IndicatorCreateInput = Static<typeof IndicatorCreateBody>;

export const IndicatorUpdateBody = Type.Partial(Type.Object(IndicatorFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type IndicatorUpdateInput = Static<typeof IndicatorUpdateBody>;
