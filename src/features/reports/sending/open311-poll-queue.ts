import type { AppContext } from '../../../context.js';
import { enqueueJob } from '../../../platform/jobs/jobs.js';

// The Open311 poll's job and the meta keys it keeps, shared by the sender (which starts the
// poll and keeps tokens) and the poll itself.

export const OPEN311_POLL_JOB = 'open311.poll';

/** Where a token waits for its service_request_id (the meta table), per report. */
export const tokenKey = (reportId: string) => `open311_token:${reportId}`;
/** When a route was last polled (its updates are asked for from then). */
export const pollCursorKey = (routeId: string) => `open311_poll:${routeId}`;
/** Why a route's last poll failed (cleared by the next good one). */
export const pollErrorKey = (routeId: string) => `open311_poll_error:${routeId}`;

/** Queues the next poll of every Open311 route (one waiting at a time, whichever node asks). */
export async function queueOpen311Poll(ctx: AppContext, delayS = 0): Promise<void> {
  await enqueueJob(ctx.db, {
    kind: OPEN311_POLL_JOB,
    payload: {},
    dedupeKey: OPEN311_POLL_JOB,
    runAt: new Date(Date.now() + delayS * 1000),
  });
}
