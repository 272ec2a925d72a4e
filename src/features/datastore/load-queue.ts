import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../../context.js';
import type { DatastoreLoad } from '../../platform/db/schema.js';
import {
  runJobNow,
  startJobRunner,
  type JobHandler,
  type JobRunner,
  type RunOptions,
} from '../../platform/jobs/jobs.js';
import { findLoad } from './datastore.repository.js';
import { performLoad } from './load-run.js';
import { LOAD_JOB } from './load.service.js';

// Loads run as jobs (platform/jobs): any node may run any load, holding a lease it renews while
// DuckDB works; a node that dies mid-load leaves the lease to lapse and another node takes the
// load over. Each process runs loads in a lane of their own, one at a time (DuckDB already uses
// every core for one), so a long load never holds up the other jobs.

/** How often a caller waiting for a load looks at its row (another node may be running it). */
const WAIT_POLL_MS = 100;

/** Retries of a load that failed for want of the blob store or database: 10 s, then 20 s. */
const LOAD_RUN_OPTIONS: RunOptions = { backoff: (attempt) => 10_000 * 2 ** (attempt - 1) };

const isOver = (load: DatastoreLoad) => load.status === 'succeeded' || load.status === 'failed';

type Settled = () => void;

export class LoadQueue {
  private runner: JobRunner | null = null;
  private readonly waiters = new Map<string, Settled[]>();

  constructor(private readonly ctx: AppContext) {}

  /** The handler of load jobs; it tells this process's waiters when a load it ran is over. */
  readonly handlers: Readonly<Record<string, JobHandler>> = {
    [LOAD_JOB]: async (payload, job) => {
      const { loadId } = payload as { loadId: string };
      try {
        await performLoad(this.ctx, loadId, {
          number: job.attempts,
          last: job.attempts >= job.max_attempts,
        });
      } finally {
        for (const settled of this.waiters.get(loadId) ?? []) settled();
      }
    },
  };

  /** Starts this process's load lane: it runs queued loads, and loads whose node died. */
  start(log: (err: unknown) => void): void {
    this.runner ??= startJobRunner(this.ctx.db, this.handlers, {
      ...this.runOptions(),
      pollMs: this.ctx.config.jobPollIntervalMs,
      log,
    });
  }

  /** Looks for queued loads now rather than at the next poll. */
  kick(): void {
    this.runner?.wake();
  }

  /**
   * Resolves when the load has finished (succeeded or failed), whichever node runs it: told at
   * once when this process runs it, else seen in its row.
   */
  async waitFor(loadId: string): Promise<DatastoreLoad> {
    for (;;) {
      const load = await findLoad(this.ctx.db.kysely, loadId);
      if (!load) throw new Error(`No load ${loadId}`);
      if (isOver(load)) return load;
      if (load.status === 'queued') this.kick();
      await this.settledOrPoll(loadId);
    }
  }

  /**
   * Runs the load in this process now (the CLI's import, a harvest) unless another worker holds
   * it, and resolves when it has finished, whoever ran it.
   */
  async runNow(loadId: string): Promise<DatastoreLoad> {
    for (;;) {
      await runJobNow(this.ctx.db, loadId, this.handlers, this.runOptions());
      const load = await findLoad(this.ctx.db.kysely, loadId);
      if (!load) throw new Error(`No load ${loadId}`);
      if (isOver(load)) return load;
      await this.settledOrPoll(loadId);
    }
  }

  private runOptions(): RunOptions {
    return { ...LOAD_RUN_OPTIONS, leaseMs: this.ctx.config.jobLeaseS * 1000 };
  }

  private async settledOrPoll(loadId: string): Promise<void> {
    const ac = new AbortController();
    let settled: Settled = () => undefined;
    const told = new Promise<void>((resolve) => {
      settled = resolve;
      this.waiters.set(loadId, [...(this.waiters.get(loadId) ?? []), resolve]);
    });
    try {
      await Promise.race([told, sleep(WAIT_POLL_MS, undefined, { signal: ac.signal })]);
    } finally {
      ac.abort();
      const rest = (this.waiters.get(loadId) ?? []).filter((w) => w !== settled);
      if (rest.length > 0) this.waiters.set(loadId, rest);
      else this.waiters.delete(loadId);
    }
  }

  /** Lets the load in progress finish; starts no other. */
  async stop(): Promise<void> {
    await this.runner?.stop();
  }
}

const queues = new WeakMap<AppContext, LoadQueue>();

/** The queue of this context (one per process). */
export function loadQueue(ctx: AppContext): LoadQueue {
  let q = queues.get(ctx);
  if (!q) {
    q = new LoadQueue(ctx);
    queues.set(ctx, q);
  }
  return q;
}

/** Runs a recorded load now, or waits for the worker that holds it; the finished load. */
export const runLoad = (ctx: AppContext, loadId: string): Promise<DatastoreLoad> =>
  loadQueue(ctx).runNow(loadId);
