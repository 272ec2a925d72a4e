import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { addFileResource, findResource } from '../../src/features/catalog/index.js';
import { queryResource } from '../../src/features/datastore/index.js';
import { LoadQueue, loadQueue } from '../../src/features/datastore/load-queue.js';
import { createLoad, LOAD_JOB } from '../../src/features/datastore/load.service.js';
import { performLoad } from '../../src/features/datastore/load-run.js';
import { claimNextJob } from '../../src/platform/jobs/job.repository.js';
import { findJob, runDueJobs, type JobHandler } from '../../src/platform/jobs/jobs.js';
import { withSecondConnection } from '../helpers/second-connection.js';

// Loads are jobs any node may run: a node that dies mid-load leaves its lease to lapse and
// another takes the load over, never while the first is alive; however often a load is run, it
// makes one version; and two nodes draining one queue run each load once.

const two = withSecondConnection();
const CSV = 'ward,count\nHalliwell,12\nGreat Lever,7\nTonge,3\n';
let n = 0;

/** A stored CSV resource of the fixture's dataset and a load of it, queued. */
async function queuedLoad() {
  const view = await addFileResource(two.ctx, two.fx.editorActor, 'fly-tipping-reports', {
    fileName: `counts-${String(++n)}.csv`,
    stream: Readable.from([CSV]),
  });
  const resource = (await findResource(two.ctx, view.id))?.resource;
  if (!resource) throw new Error('resource not stored');
  return createLoad(two.ctx, resource, two.fx.editorActor.user?.id ?? null);
}

const versionsOf = (resourceId: string) =>
  two.ctx.db.kysely
    .selectFrom('datastore_versions')
    .select(['version', 'load_id', 'blob_key'])
    .where('resource_id', '=', resourceId)
    .execute();

const loadRow = (id: string) =>
  two.ctx.db.kysely
    .selectFrom('datastore_loads')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** The Parquet files of a resource in the blob store. */
async function parquetFiles(resourceId: string): Promise<string[]> {
  const dir = path.join(two.ctx.config.blobDir, 'datastore', resourceId);
  return (await readdir(dir).catch(() => [])).sort();
}

/** A node claims the load's job as a dying one would: its lease runs until `leaseUntil`. */
async function claimAs(worker: string, loadId: string, leaseUntil: Date) {
  const job = await claimNextJob(two.ctx.db, {
    kinds: [LOAD_JOB],
    id: loadId,
    worker,
    at: new Date().toISOString(),
    leaseUntil: leaseUntil.toISOString(),
  });
  expect(job?.id).toBe(loadId);
}

describe('a load whose node died mid-way', () => {
  it('is left alone while the lease holds, then taken over: one version, the dead run’s file gone', async () => {
    const load = await queuedLoad();
    const handlers = loadQueue(two.ctx).handlers;
    // Node A claims the load, starts it (its half-written Parquet file in the store), and dies.
    await claimAs('node-a', load.id, new Date(Date.now() + 3_600_000));
    await two.ctx.db.kysely
      .updateTable('datastore_loads')
      .set({ status: 'running', started_at: new Date().toISOString() })
      .where('id', '=', load.id)
      .execute();
    const halfWritten = `datastore/${load.resource_id}/${load.id}-1.parquet`;
    await two.ctx.blobs.put(halfWritten, Readable.from([Buffer.from('PAR1 half a file')]));

    // While A's lease holds, node B does not touch it.
    expect(await runDueJobs(two.other, handlers, { worker: 'node-b' })).toBe(0);
    expect((await loadRow(load.id)).status).toBe('running');

    // A's lease lapses (it is dead and renews nothing): B takes the load over and finishes it.
    await two.ctx.db.kysely
      .updateTable('jobs')
      .set({ lease_until: new Date(Date.now() - 1_000).toISOString() })
      .where('id', '=', load.id)
      .execute();
    expect(await runDueJobs(two.other, handlers, { worker: 'node-b' })).toBe(1);

    const finished = await loadRow(load.id);
    expect(finished.status).toBe('succeeded');
    expect(finished.version).toBe(1);
    const versions = await versionsOf(load.resource_id);
    expect(versions).toEqual([
      {
        version: 1,
        load_id: load.id,
        blob_key: `datastore/${load.resource_id}/${load.id}-2.parquet`,
      },
    ]);
    expect(await parquetFiles(load.resource_id)).toEqual([`${load.id}-2.parquet`]);
    expect((await findJob(two.ctx.db, load.id))?.state).toBe('done');
    const rows = await queryResource(two.ctx, two.fx.editorActor, load.resource_id, {});
    expect(rows.total).toBe(3);
  });

  it('makes no second version when run again after it succeeded', async () => {
    const load = await queuedLoad();
    const handlers = loadQueue(two.ctx).handlers;
    expect(await runDueJobs(two.ctx.db, handlers)).toBe(1);
    // The job runs again, as after a node that finished the load died before saying so.
    await two.ctx.db.kysely
      .updateTable('jobs')
      .set({ state: 'queued', run_at: new Date().toISOString() })
      .where('id', '=', load.id)
      .execute();
    expect(await runDueJobs(two.other, handlers)).toBe(1);
    expect(await versionsOf(load.resource_id)).toHaveLength(1);
    expect((await loadRow(load.id)).version).toBe(1);
  });

  it('makes one version when two runs of it publish at the same time', async () => {
    const load = await queuedLoad();
    // A run thought dead but alive, and the run that took it over.
    const otherNode: AppContext = { ...two.ctx, db: two.other };
    await Promise.all([
      performLoad(two.ctx, load.id, { number: 1, last: false }),
      performLoad(otherNode, load.id, { number: 2, last: false }),
    ]);
    const versions = await versionsOf(load.resource_id);
    expect(versions).toHaveLength(1);
    expect((await loadRow(load.id)).status).toBe('succeeded');
    // Only the published run's file is left.
    expect(await parquetFiles(load.resource_id)).toEqual([
      path.basename(versions[0]?.blob_key ?? ''),
    ]);
    // The load's job, still queued, finds it done and changes nothing.
    expect(await runDueJobs(two.ctx.db, loadQueue(two.ctx).handlers)).toBe(1);
    expect(await versionsOf(load.resource_id)).toEqual(versions);
  });
});

describe('a load that keeps failing for want of its file store', () => {
  it('is retried, then parked with its error, and the load shows failed', async () => {
    const load = await queuedLoad();
    // A remote store that does not answer, on every try.
    const blobs = Object.create(two.ctx.blobs) as AppContext['blobs'];
    blobs.localPath = () => null;
    blobs.get = () => Promise.reject(new Error('object storage did not answer'));
    const broken = new LoadQueue({ ...two.ctx, blobs });
    expect(await runDueJobs(two.ctx.db, broken.handlers, { backoff: () => 0 })).toBe(3);
    const failed = await loadRow(load.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/could not be loaded: object storage did not answer/);
    const job = await findJob(two.ctx.db, load.id);
    expect(job?.state).toBe('parked');
    expect(job?.attempts).toBe(3);
    expect(job?.last_error).toMatch(/object storage did not answer/);
    expect(await versionsOf(load.resource_id)).toHaveLength(0);
  });
});

describe('two nodes draining one queue', () => {
  it('run each load once', async () => {
    const loads = await Promise.all(Array.from({ length: 6 }, () => queuedLoad()));
    const runs: string[] = [];
    const counted = (ctx: AppContext): Record<string, JobHandler> => {
      const real = loadQueue(ctx).handlers[LOAD_JOB];
      if (!real) throw new Error('no load handler');
      return {
        [LOAD_JOB]: (payload, job) => {
          runs.push(job.id);
          return real(payload, job);
        },
      };
    };
    const otherNode: AppContext = { ...two.ctx, db: two.other };
    const [a, b] = await Promise.all([
      runDueJobs(two.ctx.db, counted(two.ctx), { worker: 'node-a' }),
      runDueJobs(two.other, counted(otherNode), { worker: 'node-b' }),
    ]);
    expect(a + b).toBe(loads.length);
    expect(runs.sort()).toEqual(loads.map((l) => l.id).sort());
    for (const load of loads) {
      expect((await loadRow(load.id)).status).toBe('succeeded');
      expect(await versionsOf(load.resource_id)).toHaveLength(1);
    }
  });
});
