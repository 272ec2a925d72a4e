import type { AppContext } from '../../context.js';
import type { Job } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { findJob, jobCounts, parkedJobs, requeueJob } from '../../platform/jobs/jobs.js';
import { authorise, type Actor } from '../accounts/index.js';

// What the background job queue holds, for site administrators: per kind, how many jobs wait,
// run and are parked, and how long the oldest due one has waited; the parked jobs with their
// last error; and "retry" for a parked one. Each feature's own view (sending reports, harvests)
// says more of its jobs; this one sees them all.

export interface KindSummary {
  kind: string;
  queued: number;
  running: number;
  parked: number;
  /** Seconds the oldest due queued job has waited to be claimed; 0 when none is due. */
  oldest_queued_age_seconds: number;
}

export interface ParkedJob {
  id: string;
  kind: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: string;
  parked_at: string;
}

const parkedView = (job: Job): ParkedJob => ({
  id: job.id,
  kind: job.kind,
  attempts: job.attempts,
  max_attempts: job.max_attempts,
  last_error: job.last_error,
  created_at: job.created_at,
  parked_at: job.finished_at ?? job.updated_at,
});

const operate = (actor: Actor, what: string) => {
  authorise(actor, { type: 'jobs:operate' }, `Only site administrators ${what}`);
};

/** Each kind of job with work queued, running or parked, by kind. */
export async function jobKinds(ctx: AppContext, actor: Actor): Promise<KindSummary[]> {
  operate(actor, 'see the job queue');
  const at = Date.now();
  const kinds = new Map<string, KindSummary>();
  for (const c of await jobCounts(ctx.db)) {
    if (c.state === 'done') continue;
    const k = kinds.get(c.kind) ?? {
      kind: c.kind,
      queued: 0,
      running: 0,
      parked: 0,
      oldest_queued_age_seconds: 0,
    };
    k[c.state] = c.count;
    if (c.state === 'queued' && c.oldest_run_at) {
      k.oldest_queued_age_seconds = Math.max(
        0,
        Math.floor((at - Date.parse(c.oldest_run_at)) / 1000),
      );
    }
    kinds.set(c.kind, k);
  }
  return [...kinds.values()];
}

/** The parked jobs of every kind, most recently parked first. */
export async function listParkedJobs(ctx: AppContext, actor: Actor): Promise<ParkedJob[]> {
  operate(actor, 'see the job queue');
  return (await parkedJobs(ctx.db)).map(parkedView);
}

/** Puts a parked job back in the queue, due now, its attempts counted afresh. */
export async function retryJob(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  operate(actor, 'retry jobs');
  const job = await findJob(ctx.db, id);
  if (!job) throw notFound(`Job ${id}`);
  if (!(await requeueJob(ctx.db, job.id))) {
    throw conflict(
      'This job is not parked: it is waiting, running or done',
      undefined,
      'not_parked',
    );
  }
}
