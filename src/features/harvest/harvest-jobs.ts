import type { AppContext } from '../../context.js';
import type { JobHandler } from '../../platform/jobs/jobs.js';
import { now } from '../../platform/ids.js';
import { runHarvest } from './harvest-run.service.js';
import {
  HARVEST_DUE_JOB,
  HARVEST_RUN_JOB,
  queueHarvestRun,
  queueScheduleTick,
  SCHEDULE_TICK_S,
  type HarvestRunPayload,
} from './harvest-queue.js';
import { nextRunAfter } from './harvest-schedule.js';
import { dueSources, findSource, updateSource } from './harvest.repository.js';

/** Queues a run of every source whose time has come, and moves its next run on. */
export async function queueDueRuns(ctx: AppContext, at = new Date()): Promise<number> {
  const db = ctx.db.kysely;
  let queued = 0;
  for (const source of await dueSources(db, at.toISOString())) {
    const next = nextRunAfter({ intervalMinutes: source.interval_minutes, cron: source.cron }, at);
    await updateSource(db, source.id, { next_run_at: next, updated_at: now() });
    if (await queueHarvestRun(ctx, { sourceId: source.id, startedBy: null })) queued += 1;
  }
  return queued;
}

/** The handlers app.ts gives the job runner. */
export function harvestJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [HARVEST_RUN_JOB]: async (payload) => {
      const { sourceId, startedBy } = payload as HarvestRunPayload;
      // A run queued before its source was disabled or deleted is dropped.
      const source = await findSource(ctx.db.kysely, sourceId);
      if (!source || source.enabled === 0) return;
      await runHarvest(ctx, sourceId, startedBy);
    },
    [HARVEST_DUE_JOB]: async () => {
      await queueDueRuns(ctx);
      await queueScheduleTick(ctx, SCHEDULE_TICK_S);
    },
  };
}
