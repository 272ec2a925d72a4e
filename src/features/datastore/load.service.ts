import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { DatastoreLoad, Resource } from '../../platform/db/schema.js';
import { now, newId } from '../../platform/ids.js';
import { insertActivity } from '../../platform/activity/activity.repository.js';
import { downloadBlob } from '../../platform/blobs/blob-cache.js';
import { scheduleBlobDeletion } from '../../platform/blobs/garbage.repository.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { adoptResourceFile, findResource, type StagedFile } from '../catalog/index.js';
import type { FieldType, IngestReport } from './field.js';
import { fileSize, ingestFile, IngestError, removeWorkDir } from './ingest.js';
import {
  claimLoad,
  findLoad,
  insertLoad,
  insertVersion,
  nextVersionNumber,
  updateLoad,
} from './datastore.repository.js';
import { LOADABLE_FORMATS } from './sources/index.js';
import { SourceError } from './sources/source.js';
import { DEFAULT_ZIP_LIMITS } from './sources/xlsx-parts.js';
import { announceVersion } from './version-listeners.js';

export interface LoadOptions {
  types?: Record<string, FieldType>;
  sheet?: string;
  /** An upload held back: it becomes the resource's file only if this load succeeds. */
  file?: StagedFile;
}

export const isLoadable = (format: string) => LOADABLE_FORMATS.has(format.toUpperCase());

/**
 * Records a load, to be run by the load queue: of the resource's current file, or of a held
 * upload (`options.file`), which the resource takes only if it loads.
 */
export async function createLoad(
  ctx: AppContext,
  resource: Resource,
  userId: string | null,
  options: LoadOptions = {},
): Promise<DatastoreLoad> {
  const source = options.file?.key ?? resource.blob_key;
  if (!source) throw new Error('Only uploaded files can be loaded');
  const load: DatastoreLoad = {
    id: newId(),
    resource_id: resource.id,
    status: 'queued',
    source_blob_key: source,
    format: (options.file?.format ?? resource.format).toUpperCase(),
    options: JSON.stringify(options),
    version: null,
    report: null,
    error: null,
    created_by: userId,
    created_at: now(),
    started_at: null,
    finished_at: null,
  };
  await insertLoad(ctx.db.kysely, load);
  return load;
}

/**
 * The load's source as a local file: the blob itself on a local store, else a copy downloaded
 * into the load's work folder (read by this load only, so not worth a place in the cache).
 */
async function sourceFile(ctx: AppContext, key: string, workDir: string): Promise<string> {
  const local = ctx.blobs.localPath(key);
  if (local) return local;
  await mkdir(workDir, { recursive: true });
  const file = path.join(workDir, `original${path.extname(key)}`);
  await downloadBlob(ctx.blobs, key, file);
  return file;
}

/**
 * Runs one queued load: ingest into a new Parquet file, store it, then publish version n+1 in
 * one transaction. Until that commit nothing is visible; a failure leaves the previous version
 * serving and records the report.
 */
export async function runLoad(ctx: AppContext, loadId: string): Promise<DatastoreLoad> {
  const k = ctx.db.kysely;
  if (!(await claimLoad(k, loadId, now()))) {
    const existing = await findLoad(k, loadId);
    if (!existing) throw new Error(`No load ${loadId}`);
    return existing;
  }
  const load = await findLoad(k, loadId);
  if (!load) throw new Error(`No load ${loadId}`);
  const options = JSON.parse(load.options) as LoadOptions;
  const workDir = path.join(ctx.engine.tempDir, 'loads', load.id);
  const started = Date.now();
  const blobKey = `datastore/${load.resource_id}/${load.id}.parquet`;
  // A local blob store: DuckDB writes the version's file where it will stay, saving a copy. The
  // key is this load's own and nothing refers to it until the version row is committed, so a
  // half-written file is never seen (a crash leaves an orphan file, as it would after a copy).
  const inPlace = ctx.blobs.localPath(blobKey);
  try {
    const result = await ingestFile({
      engine: ctx.engine,
      file: await sourceFile(ctx, load.source_blob_key, workDir),
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
    const stored = inPlace
      ? { key: blobKey }
      : await ctx.blobs.put(blobKey, createReadStream(result.parquetFile));
    const size = await fileSize(result.parquetFile);
    const dataset = (await findResource(ctx, load.resource_id))?.dataset;
    await inTransaction(ctx, async (tx) => {
      const trx = tx.db.kysely;
      const version = await nextVersionNumber(trx, load.resource_id);
      const at = now();
      await insertVersion(trx, {
        resource_id: load.resource_id,
        version,
        load_id: load.id,
        blob_key: stored.key,
        row_count: result.rows,
        size,
        fields: JSON.stringify(result.fields),
        geometry: result.geometry ? JSON.stringify(result.geometry) : null,
        report: JSON.stringify(report),
        row_ids: 'position',
        created_by: load.created_by,
        created_at: at,
      });
      await updateLoad(trx, load.id, {
        status: 'succeeded',
        version,
        report: JSON.stringify(report),
        finished_at: at,
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
      // A held upload becomes the resource's file with its data, in the same commit.
      if (options.file) {
        const actor = { user: load.created_by ? { id: load.created_by } : null };
        await adoptResourceFile(tx, actor, load.resource_id, options.file, at);
      }
    });
    // The version is published: a failure now must not undo it, and the cache only saves the
    // first query on this node a download.
    await ctx.blobCache.adopt(blobKey, result.parquetFile).catch(() => undefined);
  } catch (err) {
    await ctx.blobs.delete(blobKey);
    // A held upload that did not load is removed; only the load's report is kept.
    if (options.file) await scheduleBlobDeletion(k, options.file.prefix, now());
    const expected = err instanceof IngestError || err instanceof SourceError;
    const message = expected
      ? err.message
      : `The file could not be loaded: ${(err as Error).message.split('\n')[0] ?? ''}`;
    const report = {
      rows: 0,
      columns: 0,
      format: load.format,
      fields: [],
      warnings: err instanceof IngestError ? err.warnings : [],
      errors: [message],
      seconds: (Date.now() - started) / 1000,
    };
    await updateLoad(k, load.id, {
      status: 'failed',
      error: message,
      report: JSON.stringify(report),
      finished_at: now(),
    });
  } finally {
    await removeWorkDir(workDir);
  }
  const finished = await findLoad(k, load.id);
  if (!finished) throw new Error(`No load ${loadId}`);
  if (finished.status === 'succeeded' && finished.version !== null) {
    await announceVersion(ctx, finished.resource_id, finished.version);
  }
  return finished;
}
