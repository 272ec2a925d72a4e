import type { Db } from '../db/connect.js';
import { hasPendingJob } from './job.repository.js';
import { enqueueJob, type JobHandler } from './jobs.js';

// Clean-ups that must run once per interval across the cluster, not once per node: each is a
// job that, when it succeeds, queues its next run. The dedupe key keeps one run waiting however
// many nodes ask, so every node may schedule them at start (two that race there make two runs
// at most, merged into one chain at the next). A run that fails is retried with the runner's
// back-off as one job (its error shown in /admin/jobs), and parked after PERIODIC_MAX_ATTEMPTS;
// an administrator's retry, or a node's restart, starts the chain again.

export interface PeriodicJob {
  /** The job kind, also its dedupe key. */
  kind: string;
  /** Seconds from the end of one successful run to the start of the next. */
  everyS: number;
  run: () => Promise<unknown>;
}

/** About three days of retries at the runner's back-off (capped at six hours) before parking. */
export const PERIODIC_MAX_ATTEMPTS = 20;

function queueRun(db: Db, job: PeriodicJob, delayS: number): Promise<boolean> {
  return enqueueJob(db, {
    kind: job.kind,
    payload: {},
    dedupeKey: job.kind,
    runAt: new Date(Date.now() + delayS * 1000),
    maxAttempts: PERIODIC_MAX_ATTEMPTS,
  });
}

/**
 * Queues a run of each now, unless one is waiting or under way: every node does this at start,
 * so a cluster that starts (or restarts one node) does not clean up twice.
 */
export async function schedulePeriodicJobs(db: Db, jobs: readonly PeriodicJob[]): Promise<void> {
  for (const job of jobs) {
    if (!(await hasPendingJob(db.kysely, job.kind))) await queueRun(db, job, 0);
  }
}

/** The handlers the job runner needs for these jobs. */
export function periodicJobHandlers(
  db: Db,
  jobs: readonly PeriodicJob[],
): Record<string, JobHandler> {
  return Object.fromEntries(
    jobs.map((job): [string, JobHandler] => [
      job.kind,
      async () => {
        await job.run();
        await queueRun(db, job, job.everyS);
      },
    ]),
  );
}
