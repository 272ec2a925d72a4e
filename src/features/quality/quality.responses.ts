import { Type } from 'typebox';
import { DateTime, enumOf, Nullable, Page } from '../../platform/http/schemas.js';
import { DIMENSIONS } from './mqa.js';

// What the quality API answers (snake_case, as the contract has it).

const Points = Type.Object({
  points: Type.Integer({ minimum: 0 }),
  max: Type.Integer({ minimum: 0 }),
});

const Dimensions = Type.Object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, Points])) as Record<
    (typeof DIMENSIONS)[number],
    typeof Points
  >,
);

export const StarView = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  meaning: Type.String(),
  met: Type.Boolean(),
  reason: Nullable(Type.String()),
  fix: Nullable(Type.String()),
});

export const CheckView = Type.Object({
  dimension: enumOf(DIMENSIONS),
  indicator: Type.String(),
  points: Type.Integer({ minimum: 0 }),
  max: Type.Integer({ minimum: 0 }),
  reason: Nullable(Type.String({ description: 'Why points are missing' })),
  fix: Nullable(Type.String({ description: 'What to do to earn them' })),
});

export const DatasetQuality = Type.Object({
  dataset: Type.Object({ slug: Type.String(), title: Type.String() }),
  stars: Type.Integer({ minimum: 0, maximum: 5, description: 'Five-star openness' }),
  openness: Type.Array(StarView),
  metadata: Type.Object({
    total: Type.Integer({ minimum: 0 }),
    max: Type.Integer({ minimum: 0 }),
    rating: enumOf(['excellent', 'good', 'sufficient', 'bad'] as const),
    dimensions: Dimensions,
  }),
  checks: Type.Array(CheckView),
  broken_links: Type.Integer({ minimum: 0 }),
  unchecked_links: Type.Integer({ minimum: 0, description: 'Links not checked yet' }),
  stale: Type.Boolean({ description: 'Past its update frequency' }),
  due_by: Nullable(DateTime),
  computed_at: DateTime,
});

export const Responsiveness = Type.Object(
  {
    open_requests: Type.Integer({ minimum: 0, description: 'Data requests awaiting a decision' }),
    overdue_requests: Type.Integer({
      minimum: 0,
      description: 'Of those, open longer than the response target (working days)',
    }),
    answered_requests: Type.Integer({
      minimum: 0,
      description: 'Requests of the last 12 months given a decision',
    }),
    median_working_days: Nullable(
      Type.Number({ minimum: 0, description: 'Median working days from request to decision' }),
    ),
    answered_in_time_percent: Nullable(
      Type.Number({
        minimum: 0,
        maximum: 100,
        description:
          'Share of answered (12 months) and overdue requests answered within the target; ' +
          'null without either',
      }),
    ),
  },
  { description: 'How the body answers the data requests made to it' },
);

export const OrganisationScore = Type.Object({
  organisation: Type.Object({ slug: Type.String(), name: Type.String() }),
  datasets: Type.Integer({ minimum: 0, description: 'Public datasets scored' }),
  average_stars: Type.Number({ minimum: 0, maximum: 5 }),
  average_score: Type.Number({ minimum: 0, description: 'Mean MQA points (of 405)' }),
  rating: enumOf(['excellent', 'good', 'sufficient', 'bad'] as const),
  dimensions: Type.Object(
    Object.fromEntries(DIMENSIONS.map((d) => [d, Type.Number({ minimum: 0 })])) as Record<
      (typeof DIMENSIONS)[number],
      ReturnType<typeof Type.Number>
    >,
    { description: 'Mean points per dimension' },
  ),
  broken_links: Type.Integer({ minimum: 0 }),
  stale_datasets: Type.Integer({ minimum: 0 }),
  responsiveness: Responsiveness,
  overall_score: Type.Number({
    minimum: 0,
    maximum: 100,
    description:
      'What ranks the league: metadata score as % of 405, 80%, and answered_in_time_percent, ' +
      '20% (the metadata alone when that is null)',
  }),
});

export const LeaguePage = Page(OrganisationScore);

export const TrendPoint = Type.Object({
  day: Type.String({ format: 'date' }),
  datasets: Type.Integer({ minimum: 0 }),
  average_stars: Type.Number({ minimum: 0 }),
  average_score: Type.Number({ minimum: 0 }),
  broken_links: Type.Integer({ minimum: 0 }),
  stale_datasets: Type.Integer({ minimum: 0 }),
  open_requests: Type.Integer({ minimum: 0 }),
  overdue_requests: Type.Integer({ minimum: 0 }),
  answered_in_time_percent: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
});

export const BrokenLink = Type.Object({
  dataset: Type.Object({ slug: Type.String(), title: Type.String() }),
  resource: Type.Object({ id: Type.String(), name: Type.String() }),
  url: Type.String(),
  status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  checked_at: DateTime,
});

export const StaleDataset = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  update_frequency: Nullable(Type.String()),
  modified_at: DateTime,
  due_by: DateTime,
});

export const DatasetScore = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  stars: Type.Integer({ minimum: 0, maximum: 5 }),
  total: Type.Integer({ minimum: 0 }),
  rating: Type.String(),
  broken_links: Type.Integer({ minimum: 0 }),
});

export const OrganisationQuality = Page(DatasetScore, {
  score: Nullable(OrganisationScore),
  responsiveness: Responsiveness,
  trend: Type.Array(TrendPoint, { description: 'Daily snapshots, the last 90 days' }),
  broken_links: Type.Array(BrokenLink),
  stale_datasets: Type.Array(StaleDataset),
});

export const RecheckQueued = Type.Object({
  links: Type.Integer({ minimum: 0, description: 'Links of the dataset to be checked again' }),
  queued: Type.Boolean({
    description: 'false: the link checker’s next pass was already waiting; it takes them',
  }),
});
