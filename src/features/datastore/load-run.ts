import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { DatastoreLoad } from '../../platform/db/schema.js';
import { now } from '../../platform/ids.js';
import { insertActivity } from '../../platform/activity/activity.repository.js';
import { downloadBlob } from '../../platform/blobs/blob-cache.js';
import { scheduleBlobDeletion } from '../../platform/blobs/garbage.repository.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { adoptResourceFile, findResource } from '../catalog/index.js';
import { enqueueExportBuild } from './export-build.js';
import type { IngestReport, IngestResult } from './field.js';
import { fileSize, ingestFile, IngestError, removeWorkDir } from './ingest.js';
import {
  findLoad,
  insertVersion,
  nextVersionNumber,
  settleLoad,
  updateLoad,
} from './datastore.repository.js';
import type { LoadOptions } from './load.service.js';
import { SourceError } from './sources/source.js';
import { DEFAULT_ZIP_LIMITS } from './sources/xlsx-parts.js';
import { announceVersion } from './version-listeners.js';

// One run of a load, as its job's handler (load-queue.ts). A run may be a re-run: its node died
// and another took the job over after the lease lapsed, or the database failed as it published.
// So a run of a load that already made its version does nothing, each run writes its own Parquet
// file (one per attempt, never one a live run is writing), and the version is published in the
// same transaction that marks the load succeeded, only if no other run has.

export interface LoadAttempt {
  /** The job's attempt, from 1. */
  number: number;
  /** No try follows this one: a failure is the load's. */
  last: boolean;
}

/** Another run of the same load published first. */
class AlreadySettled extends Error {}

const parquetKey = (load: DatastoreLoad, attempt: number) =>
  `datastore/${load.resource_id}/${load.id}-${attempt}.parquet`;

/**
 * The load's source as a local file: the blob itself on a local store, else a copy downloaded
 * into the run's work folder (read by this run only, so not worth a place in the cache).
 */
async function sourceFile(ctx: AppContext, key: string, workDir: string): Promise<string> {
  const local = ctx.blobs.localPath(key);
  if (local) return local;
  await mkdir(workDir, { recursive: true });
  const file = path.join(workDir, `original${path.extname(key)}`);
  await downloadBlob(ctx.blobs, key, file);
  return file;
}

const failureMessage = (err: unknown) =>
  err instanceof IngestError || err instanceof SourceError
    ? err.message
    : `The file could not be loaded: ${(err as Error).message.split('\n')[0] ?? ''}`;

/** Records the load as failed with its report; a held upload that did not load is removed. */
async function recordFailure(
  ctx: AppContext,
  load: DatastoreLoad,
  options: LoadOptions,
  err: unknown,
  started: number,
): Promise<boolean> {
  const message = failureMessage(err);
  const report = {
    rows: 0,
    columns: 0,
    format: load.format,
    fields: [],
    warnings: err instanceof IngestError ? err.warnings : [],
    errors: [message],
    seconds: (Date.now() - started) / 1000,
  };
  const settled = await settleLoad(ctx.db.kysely, load.id, {
    status: 'failed',
    error: message,
    report: JSON.stringify(report),
    finished_at: now(),
  });
  if (settled && options.file)
    await scheduleBlobDeletion(ctx.db.kysely, options.file.prefix, now());
  return settled;
}

/** Publishes version n+1 and marks the load succeeded, in one transaction. */
async function publish(
  ctx: AppContext,
  load: DatastoreLoad,
  options: LoadOptions,
  result: IngestResult,
  stored: { key: string; size: number },
  started: number,
): Promise<void> {
  const report: IngestReport = {
    rows: result.rows,
    columns: result.fields.length,
    format: load.format,
    ...(result.encoding ? { encoding: result.encoding } : {}),
    fields: result.fields,
    warnings: result.warnings,
    errors: [],
    seconds: (Date.now() - started) / 1000,
  };
  const dataset = (await findResource(ctx, load.resource_id))?.dataset;
  await inTransaction(ctx, async (tx) => {
    const trx = tx.db.kysely;
    const version = await nextVersionNumber(trx, load.resource_id);
    const at = now();
    // First, so that of two runs publishing at once the second waits on this row and finds it
    // succeeded (and the unique load_id of versions refuses a second version in any case).
    const settled = await settleLoad(trx, load.id, {
      status: 'succeeded',
      version,
      report: JSON.stringify(report),
      finished_at: at,
    });
    if (!settled) throw new AlreadySettled();
    await insertVersion(trx, {
      resource_id: load.resource_id,
      version,
      load_id: load.id,
      blob_key: stored.key,
      row_count: result.rows,
      size: stored.size,
      fields: JSON.stringify(result.fields),
      geometry: result.geometry ? JSON.stringify(result.geometry) : null,
      report: JSON.stringify(report),
      row_ids: 'position',
      created_by: load.created_by,
      created_at: at,
    });
    await insertActivity(trx, {
      actor_id: load.created_by,
      action: 'datastore.loaded',
      subject_type: 'resource',
      subject_id: load.resource_id,
      dataset_id: dataset?.id ?? null,
      organisation_id: dataset?.organisation_id ?? null,
      diff: JSON.stringify({
        version: { from: version > 1 ? version - 1 : null, to: version },
        rows: { from: null, to: result.rows },
      }),
      created_at: at,
    });
    // Its downloads are built by a job any node may run, asked for in the same commit.
    await enqueueExportBuild(tx.db, load.resource_id, version);
    // A held upload becomes the resource's file with its data, in the same commit.
    if (options.file) {
      const actor = { user: load.created_by ? { id: load.created_by } : null };
      await adoptResourceFile(tx, actor, load.resource_id, options.file, at);
    }
  });
}

/**
 * Runs a load: ingest into a new Parquet file, store it, then publish version n+1. Until that
 * commit nothing is visible. A file that cannot be read fails the load with its report (trying
 * again would not mend it); any other failure (blob store, database) is thrown for the job to
 * retry, and recorded as the load's failure on the last attempt.
 */
export async function performLoad(
  ctx: AppContext,
  loadId: string,
  attempt: LoadAttempt,
): Promise<void> {
  const k = ctx.db.kysely;
  const load = await findLoad(k, loadId);
  // Gone with its resource, or published by a run whose job did not get to say it was done.
  if (!load || load.status === 'succeeded') return;
  // A retried failed load (an administrator's retry of its parked job) starts afresh.
  await updateLoad(k, load.id, {
    status: 'running',
    started_at: now(),
    error: null,
    report: null,
    finished_at: null,
  });
  const options = JSON.parse(load.options) as LoadOptions;
  const workDir = path.join(ctx.engine.tempDir, 'loads', `${load.id}-${attempt.number}`);
  const blobKey = parquetKey(load, attempt.number);
  // A local blob store: DuckDB writes the version's file where it will stay, saving a copy. The
  // key is this attempt's own and nothing refers to it until the version row is committed.
  const inPlace = ctx.blobs.localPath(blobKey);
  const started = Date.now();
  let outcome: 'published' | 'failed' | 'lost' | 'retry' = 'retry';
  try {
    const source = await sourceFile(ctx, load.source_blob_key, workDir);
    let result: IngestResult;
    try {
      result = await ingestFile({
        engine: ctx.engine,
        file: source,
        format: load.format,
        workDir,
        sheet: options.sheet,
        types: options.types,
        zipLimits: {
          maxTotal: ctx.config.uploadMaxInflatedBytes,
          maxEntries: ctx.config.uploadMaxZipEntries,
          maxRatio: DEFAULT_ZIP_LIMITS.maxRatio,
        },
        ...(inPlace ? { parquetFile: inPlace } : {}),
      });
    } catch (err) {
      outcome = (await recordFailure(ctx, load, options, err, started)) ? 'failed' : 'lost';
      return;
    }
    const stored = inPlace
      ? blobKey
      : (await ctx.blobs.put(blobKey, createReadStream(result.parquetFile))).key;
    const size = await fileSize(result.parquetFile);
    // Into this node's cache before the version is published: from then on a query, or the job
    // building its downloads, may want it here at once. The cache only saves a download, so its
    // failure is no load's; a publish that fails leaves an unused file the cache evicts in time.
    await ctx.blobCache.adopt(stored, result.parquetFile).catch(() => undefined);
    await publish(ctx, load, options, result, { key: stored, size }, started);
    outcome = 'published';
  } catch (err) {
    // Another run published the load meanwhile (and may have swept this run's file as a dead
    // run's): this run's failure is no one's.
    if (err instanceof AlreadySettled || (await findLoad(k, load.id))?.status === 'succeeded') {
      outcome = 'lost';
      return;
    }
    if (!attempt.last) {
      // Waiting for its next try, as its page says.
      await settleLoad(k, load.id, { status: 'queued' });
    } else if (await recordFailure(ctx, load, options, err, started)) {
      outcome = 'failed';
    }
    throw err;
  } finally {
    await removeWorkDir(workDir);
    if (outcome !== 'published') await ctx.blobs.delete(blobKey);
    // The files of earlier runs that died half-way; only the run that settled the load sweeps
    // them, as a live run that lost the race may still be writing its own.
    if (outcome === 'published' || outcome === 'failed') {
      for (let n = 1; n < attempt.number; n += 1) await ctx.blobs.delete(parquetKey(load, n));
    }
  }
  const finished = await findLoad(k, load.id);
  if (finished?.status === 'succeeded' && finished.version !== null) {
    await announceVersion(ctx, finished.resource_id, finished.version);
  }
}
