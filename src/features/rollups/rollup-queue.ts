import type { AppContext } from '../../context.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import { rollupsWithMember } from './rollup.repository.js';

// Rebuilds run as background jobs any node may run: one waiting per roll-up (its dedupe key),
// queued when a member gets a new version, is added or removed, or someone asks. A watch job
// queues itself every WATCH_S and rebuilds roll-ups whose members have versions not yet
// checked (a load made by another process, or the command line, which queued nothing).

export const REBUILD_JOB = 'rollups.rebuild';
export const WATCH_JOB = 'rollups.watch';
export const WATCH_S = 60;

export interface RebuildPayload {
  rollupId: string;
}

/** Queues a rebuild of the roll-up; false when one is already waiting. */
export function queueRebuild(ctx: AppContext, rollupId: string, delayS = 0): Promise<boolean> {
  return enqueueJob(ctx.db, {
    kind: REBUILD_JOB,
    payload: { rollupId } satisfies RebuildPayload,
    dedupeKey: `${REBUILD_JOB}:${rollupId}`,
    runAt: new Date(Date.now() + delayS * 1000),
    maxAttempts: 3,
  });
}

/** Queues a rebuild of every roll-up the resource is a member of (it has a new version). */
export async function rebuildRollupsOf(ctx: AppContext, resourceId: string): Promise<number> {
  let queued = 0;
  for (const id of await rollupsWithMember(ctx.db.kysely, resourceId)) {
    if (await queueRebuild(ctx, id)) queued++;
  }
  return queued;
}

/** Queues the next look for unchecked versions. */
export async function queueWatch(ctx: AppContext, delayS = 0): Promise<void> {
  await enqueueJob(ctx.db, {
    kind: WATCH_JOB,
    payload: {},
    dedupeKey: WATCH_JOB,
    runAt: new Date(Date.now() + delayS * 1000),
  });
}
