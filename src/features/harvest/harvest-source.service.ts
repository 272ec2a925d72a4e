import type { AppContext } from '../../context.js';
import type { HarvestSource, HarvestSourceType } from '../../platform/db/schema.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import type { HarvestFilters } from './harvest-record.js';
import { firstRunAt, tidyCron } from './harvest-schedule.js';
import { sourceErrors } from './harvest-source-rules.js';
import { insertSource } from './harvest.repository.js';

// Harvest sources: which portal an organisation's datasets come from, how often, and how.

export { SOURCE_TYPES } from './harvest-source-rules.js';
export { MIN_INTERVAL_MINUTES } from './harvest-schedule.js';

export interface SourceInput {
  organisation: string;
  title: string;
  url: string;
  type: HarvestSourceType;
  intervalMinutes?: number | null;
  /** A cron expression (5 fields, UTC) instead of an interval. */
  cron?: string | null;
  filters?: HarvestFilters;
  defaultLicence?: string | null;
  /** Load its CSV, GeoJSON … files into the datastore (see harvest-load.ts). */
  loadData?: boolean;
  enabled?: boolean;
}

/** Adds a harvest source to an organisation (its administrators, or a site administrator). */
export async function createSource(
  ctx: AppContext,
  actor: Actor,
  input: SourceInput,
): Promise<HarvestSource> {
  const org = await ctx.db.kysely
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('slug', '=', input.organisation)
    .executeTakeFirst();
  if (!org) throw notFound(`Organisation ${input.organisation}`);
  authorise(
    actor,
    { type: 'organisation:update', organisationId: org.id },
    `You cannot add harvest sources to ${org.name}`,
  );
  const schedule = { intervalMinutes: input.intervalMinutes ?? null, cron: tidyCron(input.cron) };
  const errors = sourceErrors({ ...input, schedule });
  if (errors.length > 0) throw validationFailed(errors);
  const at = now();
  const source: HarvestSource = {
    id: newId(),
    organisation_id: org.id,
    title: input.title.trim(),
    url: input.url.trim(),
    type: input.type,
    interval_minutes: schedule.intervalMinutes,
    cron: schedule.cron,
    settings_changed_at: null,
    filters: JSON.stringify(input.filters ?? {}),
    default_licence: input.defaultLicence ?? null,
    load_data: input.loadData ? 1 : 0,
    enabled: input.enabled === false ? 0 : 1,
    consecutive_failures: 0,
    next_run_at: input.enabled === false ? null : firstRunAt(schedule, new Date(at)),
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  await insertSource(ctx.db.kysely, source);
  return source;
}
