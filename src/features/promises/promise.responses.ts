import { Type } from 'typebox';
import { Nullable, Page } from '../../platform/http/schemas.js';
import { EvidenceItem, StatusEnum } from './promise.schemas.js';

export const PromiseSummary = Type.Object(
  {
    id: Type.String({ description: 'Stable id; an indicator names it as its promise_id' }),
    slug: Type.String(),
    title: Type.String(),
    quote: Type.String(),
    source: Type.Object({
      kind: Type.String(),
      url: Nullable(Type.String()),
      date: Nullable(Type.String()),
    }),
    made_by: Type.String(),
    theme: Type.Object({ slug: Type.String(), title: Type.String() }),
    deadline: Type.Object({
      kind: Type.String({ description: 'date, days (within N days of taking office) or none' }),
      date: Nullable(Type.String()),
      days: Nullable(Type.Integer()),
      due: Nullable(Type.String({ description: 'The date it falls due' })),
      overdue: Type.Boolean({ description: 'Due date passed and not kept' }),
    }),
    owner: Type.Object({ slug: Type.String(), name: Type.String() }),
    status: StatusEnum,
    status_label: Type.String(),
    status_date: Nullable(Type.String()),
    suggested_status: Nullable(StatusEnum),
    url: Type.String({ description: 'The promise page (its permalink)' }),
    api_url: Type.String({ description: 'This promise in the API' }),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  { description: 'A promise of the mayor, with its current status' },
);

export const StatusChange = Type.Object(
  {
    date: Type.String(),
    from: StatusEnum,
    to: StatusEnum,
    rationale: Type.String({ description: 'Markdown' }),
    evidence: Type.Array(EvidenceItem),
    by: Nullable(Type.Object({ name: Type.String() })),
    recorded_at: Type.String(),
  },
  { description: 'One change of a promise status' },
);

const Dated = Type.Object({ date: Type.String(), value: Type.Number() });
const ForecastPoint = Type.Object({
  date: Type.String(),
  value: Type.Number(),
  lower: Type.Number({ description: '95% prediction interval' }),
  upper: Type.Number(),
});

/** One indicator of the promise, as the indicator service computes it, and the data behind it. */
export const PromiseIndicator = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  unit: Type.String(),
  direction: Type.String({ description: 'up or down is good' }),
  baseline: Dated,
  target: Dated,
  latest: Nullable(Dated),
  change: Nullable(Type.Number()),
  series: Type.Array(Dated),
  forecast: Type.Object({
    points: Type.Array(ForecastPoint),
    method: Type.String(),
    on_track: Nullable(Type.Boolean()),
    projected_at_target: Nullable(ForecastPoint),
  }),
  progress: Nullable(Type.Number({ description: '0..1 of the way from baseline to target' })),
  suggested_status: Type.String(),
  version: Nullable(Type.Integer({ description: 'The datastore version computed from' })),
  sparkline_svg_url: Type.String(),
  url: Type.String({ description: 'The indicator page' }),
  dataset: Nullable(Type.Object({ slug: Type.String(), title: Type.String(), url: Type.String() })),
  resource_url: Nullable(Type.String()),
});

export const PromiseDetail = Type.Object({
  ...PromiseSummary.properties,
  history: Type.Array(StatusChange, { description: 'Oldest first' }),
  indicators: Type.Array(PromiseIndicator),
});

export const PromiseList = Page(PromiseSummary, {
  term: Type.Object({
    start: Nullable(Type.String({ description: 'The day the mayor took office' })),
    day: Nullable(Type.Integer({ description: 'Day N of the term' })),
  }),
  counts: Type.Record(Type.String(), Type.Integer(), {
    description: 'How many promises have each status, of all of them (not only those matching)',
  }),
});
