import { hostname } from 'node:os';
import type { Db } from '../db/connect.js';
import type { Job } from '../db/schema.js';
import { newId } from '../ids.js';
import {
  claimNextJob,
  countJobs,
  deleteDoneJobs,
  findJob as findJobRow,
  finishJob,
  insertJob,
  listJobs,
  renewJobLease,
  requeueJob as requeueJobRow,
  type JobCount,
} from './job.repository.js';

export type { JobCount } from './job.repository.js';

// Background work any process may run (DESIGN: jobs leased from the catalogue database). A job
// is claimed with a lease the worker renews while it runs; a process that dies leaves its lease
// to lapse, and another takes the job over. A failure is retried with exponential back-off, and
// after `maxAttempts` the job is parked with its error for an administrator. Handlers must be
// idempotent: a job taken over may have half-run.

export interface JobSpec {
  /** The job's id, when the work has one of its own (a load's job is the load's id). */
  id?: string | undefined;
  kind: string;
  payload: unknown;
  /** At most one queued job per key: asking again while one waits is a no-op. */
  dedupeKey?: string | undefined;
  /** Not before this time (a debounce). */
  runAt?: Date | undefined;
  maxAttempts?: number | undefined;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Puts work in the queue; false when an equal job (same dedupe key) is already waiting. */
export function enqueueJob(db: Db, spec: JobSpec): Promise<boolean> {
  const at = new Date().toISOString();
  return insertJob(db.kysely, {
    id: spec.id ?? newId(),
    kind: spec.kind,
    payload: JSON.stringify(spec.payload ?? null),
    dedupe_key: spec.dedupeKey ?? null,
    state: 'queued',
    attempts: 0,
    max_attempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    run_at: (spec.runAt ?? new Date()).toISOString(),
    lease_until: null,
    locked_by: null,
    last_error: null,
    created_at: at,
    updated_at: at,
    finished_at: null,
  });
}

export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

/** A failure that retrying cannot mend (a refused request, say): park the job at once. */
export class PermanentJobError extends Error {}

export interface RunOptions {
  /** How long a claim holds before another process may take the job; renewed at a third. */
  leaseMs?: number;
  /** Delay before retry n (1-based): base × 2^(n-1), capped. */
  backoff?: (attempt: number) => number;
  worker?: string;
}

const defaultBackoff = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 6 * 3_600_000);
const workerId = () => `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;

type Resolved = Required<RunOptions>;

const resolve = (options: RunOptions): Resolved => ({
  worker: options.worker ?? workerId(),
  leaseMs: options.leaseMs ?? 60_000,
  backoff: options.backoff ?? defaultBackoff,
});

/** Runs one claimed job to its end (done, retried later, or parked). */
async function runJob(
  db: Db,
  job: Job,
  handler: JobHandler,
  worker: string,
  options: Pick<Resolved, 'leaseMs' | 'backoff'>,
): Promise<void> {
  const renew = setInterval(() => {
    const until = new Date(Date.now() + options.leaseMs).toISOString();
    renewJobLease(db.kysely, job.id, worker, until).catch(() => undefined);
  }, options.leaseMs / 3);
  renew.unref();
  try {
    await handler(JSON.parse(job.payload), job);
    await finishJob(db.kysely, job.id, worker, { state: 'done', at: new Date().toISOString() });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const park = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
    const at = new Date();
    await finishJob(db.kysely, job.id, worker, {
      state: park ? 'parked' : 'queued',
      error,
      at: at.toISOString(),
      runAt: new Date(at.getTime() + options.backoff(job.attempts)).toISOString(),
    });
  } finally {
    clearInterval(renew);
  }
}

/** Claims the next due job of the handled kinds (or job `id` only) and runs it; false if none. */
async function claimAndRun(
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  options: Resolved,
  id?: string,
): Promise<boolean> {
  const at = new Date();
  const job = await claimNextJob(db, {
    kinds: Object.keys(handlers),
    id,
    worker: options.worker,
    at: at.toISOString(),
    leaseUntil: new Date(at.getTime() + options.leaseMs).toISOString(),
  });
  if (!job) return false;
  const handler = handlers[job.kind];
  if (handler) await runJob(db, job, handler, options.worker, options);
  return true;
}

/**
 * Claims and runs due jobs of the handled kinds, one at a time, until none is due; returns how
 * many ran. The runner calls it on a timer; tests and the CLI call it to drain the queue.
 */
export async function runDueJobs(
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  options: RunOptions = {},
): Promise<number> {
  return drain(db, handlers, resolve(options), () => false);
}

async function drain(
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  options: Resolved,
  stopping: () => boolean,
): Promise<number> {
  let ran = 0;
  while (!stopping() && (await claimAndRun(db, handlers, options))) ran += 1;
  return ran;
}

/**
 * Runs one job now, in this process, if it is due (or its holder's lease has lapsed); false
 * when another worker holds it, it waits for a retry, or it is over. For work a caller waits on
 * (a load the CLI imports), which must not wait for a poll.
 */
export function runJobNow(
  db: Db,
  id: string,
  handlers: Readonly<Record<string, JobHandler>>,
  options: RunOptions = {},
): Promise<boolean> {
  return claimAndRun(db, handlers, resolve(options), id);
}

export interface JobRunner {
  /** Looks for due work now rather than at the next tick (after enqueueing, say). */
  wake(): void;
  stop(): Promise<void>;
}

/** Polls for due jobs every `pollMs` and runs them; never two passes at once in one process. */
export function startJobRunner(
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  options: RunOptions & { pollMs: number; log: (err: unknown) => void },
): JobRunner {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  const resolved = resolve(options);
  // A stopping process finishes the job in hand and claims no other.
  const pass = () => drain(db, handlers, resolved, () => stopped);
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch(options.log)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, options.pollMs);
  timer.unref();
  tick();
  return {
    wake: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** How long finished jobs are kept (for an administrator's look back). */
export const KEEP_DONE_JOBS_MS = 7 * 86_400_000;

/** Forgets jobs finished more than a week ago; parked ones stay until someone looks. */
export const forgetDoneJobs = (db: Db, now = Date.now()): Promise<void> =>
  deleteDoneJobs(db.kysely, new Date(now - KEEP_DONE_JOBS_MS).toISOString());

/** One job, for an administrator's view of it. */
export const findJob = (db: Db, id: string): Promise<Job | undefined> => findJobRow(db.kysely, id);

/**
 * Jobs of a kind that need an administrator's eye, most recently changed first: failing
 * (back in the queue after an error, to be retried) and parked (given up on).
 */
export function troubledJobs(db: Db, kind: string, limit = 500): Promise<Job[]> {
  return listJobs(db.kysely, {
    kind,
    states: ['queued', 'running', 'parked'],
    withError: true,
    limit,
  });
}

/** An administrator's "try again": a parked job back in the queue, due now, attempts from zero. */
export const requeueJob = (db: Db, id: string): Promise<boolean> =>
  requeueJobRow(db.kysely, id, new Date().toISOString());

/** Jobs given up on, of every kind, most recently parked first (an administrator's list). */
export const parkedJobs = (db: Db, limit = 500): Promise<Job[]> =>
  listJobs(db.kysely, { states: ['parked'], limit });

/** How many jobs of each kind are in each state, and since when the oldest has been due. */
export const jobCounts = (db: Db): Promise<JobCount[]> => countJobs(db.kysely);
