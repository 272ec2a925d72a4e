import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/platform/db/connect.js';
import { listJobs } from '../../src/platform/jobs/job.repository.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import {
  periodicJobHandlers,
  PERIODIC_MAX_ATTEMPTS,
  schedulePeriodicJobs,
  type PeriodicJob,
} from '../../src/platform/jobs/periodic-jobs.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { secondConnection } from '../helpers/second-connection.js';

// Clean-ups of what the nodes share (the blob store, the jobs table) run once per interval
// across the cluster, however many nodes schedule them: the cluster's clean-up is one job.

let ctx: TestContext;
let other: Db;
beforeAll(async () => {
  ctx = await createTestContext();
  other = secondConnection(ctx);
});
afterAll(async () => {
  await other.close();
  await ctx.cleanup();
});

const jobsOf = (kind: string) => listJobs(ctx.db.kysely, { kind, limit: 100 });

describe('a periodic clean-up', () => {
  it('runs once when two nodes schedule it, then waits its interval for the next run', async () => {
    let runs = 0;
    const job: PeriodicJob = {
      kind: 'test.sweep-once',
      everyS: 600,
      run: () => {
        runs += 1;
        return Promise.resolve();
      },
    };
    // Both nodes start, both schedule it, both poll for work.
    await schedulePeriodicJobs(ctx.db, [job]);
    await schedulePeriodicJobs(other, [job]);
    const handlers = periodicJobHandlers(ctx.db, [job]);
    const ran = await Promise.all([
      runDueJobs(ctx.db, handlers, { worker: 'node-a' }),
      runDueJobs(other, periodicJobHandlers(other, [job]), { worker: 'node-b' }),
    ]);
    expect(runs).toBe(1);
    expect(ran[0] + ran[1]).toBe(1);

    const rows = await jobsOf(job.kind);
    expect(rows.map((r) => r.state).sort()).toEqual(['done', 'queued']);
    const next = rows.find((r) => r.state === 'queued');
    expect(Date.parse(next?.run_at ?? '')).toBeGreaterThan(Date.now() + 590_000);
    // Nothing is due now, on either node.
    expect(await runDueJobs(other, handlers, { worker: 'node-b' })).toBe(0);
    expect(runs).toBe(1);
  });

  it('that fails is one job retried with its error shown, not a second chain', async () => {
    let fail = true;
    const job: PeriodicJob = {
      kind: 'test.sweep-failing',
      everyS: 600,
      run: () => (fail ? Promise.reject(new Error('bucket unreachable')) : Promise.resolve()),
    };
    await schedulePeriodicJobs(ctx.db, [job]);
    const handlers = periodicJobHandlers(ctx.db, [job]);
    await runDueJobs(ctx.db, handlers, { worker: 'node-a', backoff: () => 60_000 });

    const [failing, ...more] = await jobsOf(job.kind);
    expect(more).toEqual([]);
    expect(failing).toMatchObject({
      state: 'queued',
      last_error: 'bucket unreachable',
      max_attempts: PERIODIC_MAX_ATTEMPTS,
    });

    // A node starting meanwhile finds it waiting for its retry, and queues no other.
    await schedulePeriodicJobs(other, [job]);
    expect(await jobsOf(job.kind)).toHaveLength(1);
    fail = false;
    // The retry's time comes.
    const now = new Date().toISOString();
    await ctx.db.kysely
      .updateTable('jobs')
      .set({ run_at: now })
      .where('kind', '=', job.kind)
      .execute();
    await runDueJobs(ctx.db, handlers, { worker: 'node-a' });
    const after = await jobsOf(job.kind);
    expect(after.filter((r) => r.state === 'queued')).toHaveLength(1);
    expect(after.filter((r) => r.state === 'done')).toHaveLength(1);
  });
});

describe('the application', () => {
  it("schedules the blob store's and the jobs table's clean-ups once, whichever nodes start", async () => {
    const a = await buildApp(ctx, { logger: false });
    const b = await buildApp({ ...ctx, db: other }, { logger: false });
    try {
      await Promise.all([a.ready(), b.ready()]);
      for (const kind of ['blobs.clean-up', 'jobs.clean-up']) {
        const rows = await jobsOf(kind);
        // Queued, or already taken by one node's runner: never two waiting.
        expect(rows.filter((r) => r.state === 'queued').length).toBeLessThanOrEqual(1);
        expect(rows.length).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
