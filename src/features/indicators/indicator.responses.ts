import { Type } from 'typebox';
import { IsoDate, Nullable } from '../../platform/http/schemas.js';
import { IndicatorQuery } from './indicator.schemas.js';

const DatedValue = Type.Object({ date: IsoDate, value: Type.Number() });
const ForecastPoint = Type.Object({
  date: IsoDate,
  value: Type.Number(),
  lower: Type.Number({ description: 'Lower end of the 95% prediction interval' }),
  upper: Type.Number({ description: 'Upper end of the 95% prediction interval' }),
});
const Status = Type.Unsafe<string>({
  type: 'string',
  enum: ['kept', 'in-the-works', 'stalled', 'not-yet-rated'],
});

const summaryFields = {
  slug: Type.String(),
  title: Type.String(),
  description: Type.String({ description: 'Markdown' }),
  unit: Type.String(),
  direction: Type.Unsafe<string>({ type: 'string', enum: ['up', 'down'] }),
  resource_id: Type.String(),
  version: Nullable(Type.Integer({ description: 'The datastore version computed from' })),
  promise_id: Nullable(Type.String()),
  baseline: DatedValue,
  target: DatedValue,
  latest: Nullable(DatedValue),
  change: Nullable(Type.Number({ description: 'Latest value minus the one before' })),
  series: Type.Array(DatedValue),
  forecast: Type.Object({
    points: Type.Array(ForecastPoint),
    method: Type.Unsafe<string>({ type: 'string', enum: ['linear', 'seasonal-linear', 'none'] }),
    on_track: Nullable(Type.Boolean()),
    projected_at_target: Nullable(ForecastPoint),
  }),
  progress: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  suggested_status: Status,
  sparkline_svg_url: Type.String(),
  url: Type.String(),
};

export const IndicatorSummarySchema = Type.Object(summaryFields, { $id: 'IndicatorSummary' });

export const IndicatorDetailSchema = Type.Object(
  {
    ...summaryFields,
    query: IndicatorQuery,
    group_field: Nullable(Type.String()),
    groups: Type.Array(
      Type.Object({
        group: Type.String(),
        series: Type.Array(DatedValue),
        latest: Nullable(DatedValue),
      }),
    ),
    sql: Nullable(
      Type.String({
        description:
          'The SQL computing the series on /api/v1/sql (its last row is `latest`); null when the data is not public',
      }),
    ),
    sql_url: Nullable(Type.String({ description: 'GET /api/v1/sql running `sql`' })),
  },
  { $id: 'IndicatorDetail' },
);
