import type { AppContext } from '../../context.js';
import type { JobHandler } from '../../platform/jobs/jobs.js';
import { rebuildRollup } from './rollup-build.service.js';
import {
  queueRebuild,
  queueWatch,
  REBUILD_JOB,
  WATCH_JOB,
  WATCH_S,
  type RebuildPayload,
} from './rollup-queue.js';
import { staleRollups } from './rollup.repository.js';

/** Queues a rebuild of each roll-up with a member version not yet checked; how many queued. */
export async function queueStaleRebuilds(ctx: AppContext): Promise<number> {
  let queued = 0;
  for (const id of await staleRollups(ctx.db.kysely)) {
    if (await queueRebuild(ctx, id)) queued++;
  }
  return queued;
}

/** The handlers app.ts gives the job runner. */
export function rollupJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [REBUILD_JOB]: async (payload) => {
      const { rollupId } = payload as RebuildPayload;
      const done = await rebuildRollup(ctx, rollupId);
      // The running rebuild may have read a member before the change that queued this one.
      if (done.outcome === 'busy') await queueRebuild(ctx, rollupId, 5);
    },
    [WATCH_JOB]: async () => {
      await queueStaleRebuilds(ctx);
      await queueWatch(ctx, WATCH_S);
    },
  };
}
