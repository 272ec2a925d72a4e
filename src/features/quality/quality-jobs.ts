import type { AppContext } from '../../context.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { noRequests, type BodyResponsiveness } from './body-responsiveness.js';
import { checkDueLinks } from './link-checker.js';
import { rescoreChanged } from './quality-rescore.js';
import { hasSnapshotOn } from './quality-aggregates.repository.js';
import { snapshotOrganisations } from './quality-snapshot.js';

// Two self-queueing background jobs, one waiting at a time each (their dedupe keys), so any
// node may run them and a change made by another process (the CLI, a harvest) is caught too:
// - rescore: every RESCORE_S, scores the datasets changed since the last pass (quality-rescore.ts)
//   and records the day's snapshot per organisation (replaced through the day, so the last one
//   stands);
// - links: every LINKS_S, checks the links that are due (QUALITY_LINK_CHECK_INTERVAL_H).

export const RESCORE_JOB = 'quality.rescore';
export const LINKS_JOB = 'quality.links';
export const RESCORE_S = 60;
export const LINKS_S = 600;

function queue(ctx: AppContext, kind: string, delayS: number): Promise<boolean> {
  return enqueueJob(ctx.db, {
    kind,
    payload: {},
    dedupeKey: kind,
    runAt: new Date(Date.now() + delayS * 1000),
    maxAttempts: 3,
  });
}

/** Asks for a rescore now (after a write, or a re-check someone asked for). */
export const queueRescore = (ctx: AppContext, delayS = 0) => queue(ctx, RESCORE_JOB, delayS);
export const queueLinkCheck = (ctx: AppContext, delayS = 0) => queue(ctx, LINKS_JOB, delayS);

/**
 * One rescore pass: changed datasets, then today's snapshot when anything was scored (or there
 * is none yet today): the totals walk every score, so an idle minute does not.
 */
export async function rescorePass(
  ctx: AppContext,
  requests: BodyResponsiveness = noRequests,
  at = new Date(),
): Promise<number> {
  const scored = await rescoreChanged(ctx);
  const day = at.toISOString().slice(0, 10);
  if (scored > 0 || !(await hasSnapshotOn(ctx.db.kysely, day))) {
    await snapshotOrganisations(ctx, requests, at);
  }
  return scored;
}

/** The handlers app.ts gives the job runner, with the data requests' figures for snapshots. */
export function qualityJobHandlers(
  ctx: AppContext,
  requests: BodyResponsiveness,
): Record<string, JobHandler> {
  return {
    [RESCORE_JOB]: async () => {
      try {
        await rescorePass(ctx, requests);
      } finally {
        await queue(ctx, RESCORE_JOB, RESCORE_S);
      }
    },
    [LINKS_JOB]: async () => {
      try {
        if ((await checkDueLinks(ctx)) > 0) await snapshotOrganisations(ctx, requests);
      } finally {
        await queue(ctx, LINKS_JOB, LINKS_S);
      }
    },
  };
}
