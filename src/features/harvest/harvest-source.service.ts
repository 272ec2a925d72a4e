import type { AppContext } from '../../context.js';
import type { HarvestSource, HarvestSourceType } from '../../platform/db/schema.js';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { OutboundRefused, outboundUrl } from '../../platform/http/outbound.js';
import { newId, now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import type { HarvestFilters } from './harvest-record.js';
import { insertSource } from './harvest.repository.js';

// Harvest sources: which portal an organisation's datasets come from, how often, and how.

export const SOURCE_TYPES: readonly HarvestSourceType[] = [
  'ckan',
  'dcat',
  'datapress',
  'opendatasoft',
  'socrata',
];

/** The shortest interval between scheduled runs: portals are not to be polled hard. */
export const MIN_INTERVAL_MINUTES = 15;

export interface SourceInput {
  organisation: string;
  title: string;
  url: string;
  type: HarvestSourceType;
  intervalMinutes?: number | null;
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
  const errors: FieldError[] = [];
  try {
    outboundUrl(input.url);
  } catch (err) {
    if (!(err instanceof OutboundRefused)) throw err;
    errors.push({ field: 'url', message: err.message });
  }
  if (!SOURCE_TYPES.includes(input.type)) {
    errors.push({ field: 'type', message: `is not one of ${SOURCE_TYPES.join(', ')}` });
  }
  const interval = input.intervalMinutes ?? null;
  if (interval !== null && (!Number.isInteger(interval) || interval < MIN_INTERVAL_MINUTES)) {
    errors.push({
      field: 'interval_minutes',
      message: `must be a whole number of minutes, at least ${MIN_INTERVAL_MINUTES}`,
    });
  }
  if (!input.title.trim()) errors.push({ field: 'title', message: 'is empty' });
  if (errors.length > 0) throw validationFailed(errors);
  const at = now();
  const source: HarvestSource = {
    id: newId(),
    organisation_id: org.id,
    title: input.title.trim(),
    url: input.url.trim(),
    type: input.type,
    interval_minutes: interval,
    filters: JSON.stringify(input.filters ?? {}),
    default_licence: input.defaultLicence ?? null,
    load_data: input.loadData ? 1 : 0,
    enabled: input.enabled === false ? 0 : 1,
    consecutive_failures: 0,
    next_run_at: interval === null ? null : at,
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  };
  await insertSource(ctx.db.kysely, source);
  return source;
}
