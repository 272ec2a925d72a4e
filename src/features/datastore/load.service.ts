import type { AppContext } from '../../context.js';
import type { DatastoreLoad, Resource } from '../../platform/db/schema.js';
import { now, newId } from '../../platform/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import type { StagedFile } from '../catalog/index.js';
import type { FieldType } from './field.js';
import { insertLoad } from './datastore.repository.js';
import { LOADABLE_FORMATS } from './sources/index.js';

export interface LoadOptions {
  types?: Record<string, FieldType>;
  sheet?: string;
  /** An upload held back: it becomes the resource's file only if this load succeeds. */
  file?: StagedFile;
}

export const isLoadable = (format: string) => LOADABLE_FORMATS.has(format.toUpperCase());

/** The job that runs a load; its id is the load's. */
export const LOAD_JOB = 'datastore.load';
/** Tries of a load that fails for want of the blob store or database, before it is parked. */
export const LOAD_MAX_ATTEMPTS = 3;

/**
 * Records a load and its job, to be run by any node's load queue: of the resource's current
 * file, or of a held upload (`options.file`), which the resource takes only if it loads.
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
  await inTransaction(ctx, async (tx) => {
    await insertLoad(tx.db.kysely, load);
    await enqueueJob(tx.db, {
      id: load.id,
      kind: LOAD_JOB,
      payload: { loadId: load.id },
      maxAttempts: LOAD_MAX_ATTEMPTS,
    });
  });
  return load;
}
