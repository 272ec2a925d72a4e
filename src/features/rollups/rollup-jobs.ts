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
import { datastoreStatuses } from '../datastore/index.js';
import { allMembers } from './rollup.repository.js';

/**
 * Roll-ups with a member whose latest datastore version is not the one last checked: loads
 * made where no rebuild was queued (another process, the command line) are caught by this.
 */
async function staleRollups(ctx: AppContext): Promise<Set<string>> {
  const members = await allMembers(ctx.db.kysely);
  const latest = await datastoreStatuses(ctx, [...new Set(members.map((m) => m.resource_id))]);
  return new Set(
    members.flatMap((m) => {
      const version = latest.get(m.resource_id)?.version;
      const behind = version !== undefined && (m.checked_version ?? 0) < version;
      return behind ? [m.rollup_id] : [];
    }),
  );
}

/** Queues a rebuild of each roll-up with a member version not yet checked; how many queued. */
export async function queueStaleRebuilds(ctx: AppContext): Promise<number> {
  let queued = 0;
  for (const id of await staleRollups(ctx)) {
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
