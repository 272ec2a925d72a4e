import { Type } from 'typebox';
import type { HarvestItemRow, HarvestRun, HarvestSource } from '../../platform/db/schema.js';
import { DateTime, enumOf, Nullable, Page } from '../../platform/http/schemas.js';
import type { HarvestFilters } from './harvest-record.js';
import { FAILING_RUNS } from './harvest-run.service.js';
import { SOURCE_TYPES } from './harvest-source.service.js';

// What the API answers about harvest sources and runs (snake_case, as the contract has it).

export const Filters = Type.Object(
  {
    organisation: Type.Optional(Type.String({ maxLength: 200 })),
    tag: Type.Optional(Type.String({ maxLength: 200 })),
    query: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, description: 'Narrowing the source, in its own terms' },
);

/** A request's cron expression; the service checks its fields and spacing. */
export const Cron = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'minute hour day-of-month month day-of-week, in UTC; runs at least 15 minutes apart',
});

export const SourceView = Type.Object({
  id: Type.String(),
  organisation: Type.String({ description: 'The slug of the organisation it belongs to' }),
  title: Type.String(),
  url: Type.String(),
  type: enumOf(SOURCE_TYPES),
  interval_minutes: Nullable(Type.Integer({ description: 'null: run by hand only' })),
  cron: Nullable(
    Type.String({ description: 'A cron expression (5 fields, UTC) instead of an interval' }),
  ),
  filters: Filters,
  default_licence: Nullable(Type.String()),
  load_data: Type.Boolean({
    description:
      'Its files in formats the datastore loads (CSV, GeoJSON …) are loaded, as new versions when they change',
  }),
  enabled: Type.Boolean(),
  consecutive_failures: Type.Integer({ minimum: 0 }),
  failing: Type.Boolean({ description: `${FAILING_RUNS} or more runs in a row failed` }),
  next_run_at: Nullable(DateTime),
  created_at: DateTime,
  updated_at: DateTime,
});

export const RunView = Type.Object({
  id: Type.String(),
  source_id: Type.String(),
  status: enumOf(['running', 'succeeded', 'failed'] as const),
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
  withdrawn: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
  error: Nullable(Type.String({ description: 'Why the run as a whole failed' })),
  truncated: Type.Boolean({ description: 'Stopped at HARVEST_MAX_ITEMS; nothing was withdrawn' }),
  started_at: DateTime,
  finished_at: Nullable(DateTime),
});

export const ItemView = Type.Object({
  identifier: Nullable(Type.String({ description: 'The dataset’s identifier at the source' })),
  dataset_id: Nullable(Type.String()),
  action: enumOf(['created', 'updated', 'unchanged', 'withdrawn', 'failed'] as const),
  error: Nullable(Type.String()),
  at: DateTime,
});

export const RunDetail = Type.Object({
  run: RunView,
  items: Page(ItemView),
});

export const sourceView = (s: HarvestSource, organisation: string) => ({
  id: s.id,
  organisation,
  title: s.title,
  url: s.url,
  type: s.type,
  interval_minutes: s.interval_minutes,
  cron: s.cron,
  filters: JSON.parse(s.filters) as HarvestFilters,
  default_licence: s.default_licence,
  load_data: s.load_data === 1,
  enabled: s.enabled === 1,
  consecutive_failures: s.consecutive_failures,
  failing: s.consecutive_failures >= FAILING_RUNS,
  next_run_at: s.next_run_at,
  created_at: s.created_at,
  updated_at: s.updated_at,
});

export const runView = (r: HarvestRun) => ({
  id: r.id,
  source_id: r.source_id,
  status: r.status,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  withdrawn: r.withdrawn,
  failed: r.failed,
  error: r.error,
  truncated: r.truncated === 1,
  started_at: r.started_at,
  finished_at: r.finished_at,
});

export const itemView = (i: HarvestItemRow) => ({
  identifier: i.identifier,
  dataset_id: i.dataset_id,
  action: i.action,
  error: i.error,
  at: i.created_at,
});
