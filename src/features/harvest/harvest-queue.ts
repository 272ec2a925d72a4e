import type { AppContext } from '../../context.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';

// Harvest runs as background jobs, leased from the database like every job: one waiting run per
// source (its dedupe key), and a scheduling job that queues itself every minute (one waiting,
// whichever node asks) and queues the runs that are due, so a schedule fires once per cluster.

export const HARVEST_RUN_JOB = 'harvest.run';
export const HARVEST_DUE_JOB = 'harvest.due';
/** How often the schedule is looked at. */
export const SCHEDULE_TICK_S = 60;

export interface HarvestRunPayload {
  sourceId: string;
  startedBy: string | null;
}

/** Queues a run of the source; false when one is already waiting. */
export function queueHarvestRun(ctx: AppContext, payload: HarvestRunPayload): Promise<boolean> {
  return enqueueJob(ctx.db, {
    kind: HARVEST_RUN_JOB,
    payload,
    dedupeKey: `${HARVEST_RUN_JOB}:${payload.sourceId}`,
    // A failed run is recorded as such; the next scheduled one is the retry.
    maxAttempts: 1,
  });
}

/** Queues the next look at the schedule. */
export async function queueScheduleTick(ctx: AppContext, delayS = 0): Promise<void> {
  await enqueueJob(ctx.db, {
    kind: HARVEST_DUE_JOB,
    payload: {},
    dedupeKey: HARVEST_DUE_JOB,
    runAt: new Date(Date.now() + delayS * 1000),
  });
}
