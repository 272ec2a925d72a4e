import type { AppContext } from '../../context.js';
import { diffOf } from '../../platform/activity/diff.js';
import { recordActivity } from '../../platform/activity/record.js';
import type { HarvestSource, HarvestSourceType } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound, validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import { deleteDataset } from '../catalog/index.js';
import { deleteSourceRow, liveHarvested, runningRun } from './harvest-admin.repository.js';
import type { HarvestFilters } from './harvest-record.js';
import { firstRunAt, nextRunAfter, tidyCron, type Schedule } from './harvest-schedule.js';
import { sourceErrors } from './harvest-source-rules.js';
import { findSource, updateSource } from './harvest.repository.js';

// Changing, disabling and deleting a source: for the same people as adding one (the
// organisation's administrators and site administrators). The source's id, title and address
// are shown on every dataset it harvested, so a refusal says so (403) rather than hiding it.

/** What a change may set; a field left out keeps its value. */
export interface SourceChanges {
  title?: string;
  url?: string;
  type?: HarvestSourceType;
  intervalMinutes?: number | null;
  cron?: string | null;
  filters?: HarvestFilters;
  defaultLicence?: string | null;
  loadData?: boolean;
  enabled?: boolean;
}

/** The source, for a change: 404 if there is none, 403 if the actor may not manage it. */
export async function managedSource(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<HarvestSource> {
  const source = await findSource(ctx.db.kysely, id);
  if (!source) throw notFound('Harvest source');
  const org = await ctx.db.kysely
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', source.organisation_id)
    .executeTakeFirst();
  authorise(
    actor,
    { type: 'organisation:update', organisationId: source.organisation_id },
    `Only ${org?.name ?? 'the organisation'}’s administrators manage its harvest sources`,
  );
  return source;
}

/** Setting one of interval and cron clears the other (both set is refused by scheduleErrors). */
function scheduleOf(s: HarvestSource, c: SourceChanges): Schedule {
  const cron = c.cron === undefined ? undefined : tidyCron(c.cron);
  if (c.intervalMinutes !== undefined && cron !== undefined) {
    return { intervalMinutes: c.intervalMinutes, cron };
  }
  if (cron !== undefined) {
    return { intervalMinutes: cron === null ? s.interval_minutes : null, cron };
  }
  if (c.intervalMinutes !== undefined) {
    return { intervalMinutes: c.intervalMinutes, cron: c.intervalMinutes === null ? s.cron : null };
  }
  return { intervalMinutes: s.interval_minutes, cron: s.cron };
}

/**
 * The next run after a change: none while disabled; a source enabled again runs as a new one
 * does; a changed schedule counts from now; otherwise it stays.
 */
function nextRun(before: HarvestSource, schedule: Schedule, enabled: boolean, at: Date) {
  if (!enabled) return null;
  if (before.enabled === 0) return firstRunAt(schedule, at);
  const same =
    schedule.intervalMinutes === before.interval_minutes && schedule.cron === before.cron;
  return same ? before.next_run_at : nextRunAfter(schedule, at);
}

const snapshot = (s: HarvestSource) => ({
  title: s.title,
  url: s.url,
  type: s.type,
  interval_minutes: s.interval_minutes,
  cron: s.cron,
  filters: JSON.parse(s.filters) as unknown,
  default_licence: s.default_licence,
  load_data: s.load_data === 1,
  enabled: s.enabled === 1,
});

/** Changes some of a source's settings, checked as when it was added; the source as it is now. */
export async function changeSource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: SourceChanges,
): Promise<HarvestSource> {
  const before = await managedSource(ctx, actor, id);
  const schedule = scheduleOf(before, changes);
  const fields = {
    title: changes.title ?? before.title,
    url: changes.url ?? before.url,
    type: changes.type ?? before.type,
    schedule,
  };
  const errors = sourceErrors(fields);
  if (errors.length > 0) throw validationFailed(errors);
  const enabled = changes.enabled ?? before.enabled === 1;
  const at = new Date();
  const after: HarvestSource = {
    ...before,
    title: fields.title.trim(),
    url: fields.url.trim(),
    type: fields.type,
    interval_minutes: schedule.intervalMinutes,
    cron: schedule.cron,
    filters: changes.filters ? JSON.stringify(changes.filters) : before.filters,
    default_licence:
      changes.defaultLicence === undefined ? before.default_licence : changes.defaultLicence,
    load_data: changes.loadData === undefined ? before.load_data : changes.loadData ? 1 : 0,
    enabled: enabled ? 1 : 0,
    next_run_at: nextRun(before, schedule, enabled, at),
    updated_at: at.toISOString(),
  };
  const diff = diffOf(snapshot(before), snapshot(after));
  if (Object.keys(diff).length === 0) return before;
  // What a run reads changed: the next run reads the source whole, not only its changes.
  const read = ['url', 'type', 'filters', 'default_licence', 'load_data'];
  if (read.some((k) => k in diff)) after.settings_changed_at = after.updated_at;
  await inTransaction(ctx, async (tx) => {
    await updateSource(tx.db.kysely, id, {
      title: after.title,
      url: after.url,
      type: after.type,
      interval_minutes: after.interval_minutes,
      cron: after.cron,
      filters: after.filters,
      default_licence: after.default_licence,
      load_data: after.load_data,
      settings_changed_at: after.settings_changed_at,
      enabled: after.enabled,
      next_run_at: after.next_run_at,
      updated_at: after.updated_at,
    });
    await recordActivity(tx.db.kysely, actor, {
      action: 'harvest_source.updated',
      subject: { type: 'harvest_source', id },
      organisationId: before.organisation_id,
      diff,
      at: after.updated_at,
    });
  });
  return after;
}

/**
 * Deletes a source with its runs and logs. Its datasets stay in the catalogue, no longer
 * harvested (edited like any other), unless `withdrawDatasets`: then they are withdrawn
 * (soft-deleted, restorable) in the same transaction. Refused while a run is under way.
 */
export async function deleteSource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  options: { withdrawDatasets: boolean },
): Promise<{ title: string; datasets: number; withdrawn: number }> {
  const source = await managedSource(ctx, actor, id);
  return inTransaction(ctx, async (tx) => {
    const db = tx.db.kysely;
    if (await runningRun(db, id)) {
      throw conflict('A run of this source is under way: delete it once the run has finished');
    }
    const datasets = await liveHarvested(db, id);
    if (options.withdrawDatasets) {
      for (const d of datasets) await deleteDataset(tx, actor, d.slug);
    }
    await deleteSourceRow(db, id);
    await recordActivity(db, actor, {
      action: 'harvest_source.deleted',
      subject: { type: 'harvest_source', id },
      organisationId: source.organisation_id,
      diff: {
        title: { from: source.title, to: null },
        url: { from: source.url, to: null },
        ...(options.withdrawDatasets && { withdrawn: { from: null, to: datasets.length } }),
      },
      at: now(),
    });
    return {
      title: source.title,
      datasets: datasets.length,
      withdrawn: options.withdrawDatasets ? datasets.length : 0,
    };
  });
}

/** How many of the source's datasets are in the catalogue (for the delete confirmation). */
export async function harvestedCount(ctx: AppContext, source: HarvestSource): Promise<number> {
  return (await liveHarvested(ctx.db.kysely, source.id)).length;
}
