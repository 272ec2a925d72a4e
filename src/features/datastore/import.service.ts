import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { DatastoreLoad, Resource } from '../../platform/db/schema.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { type Actor, authorise } from '../accounts/index.js';
import {
  readableDataset,
  formatOf,
  findResource,
  addFileResource,
  readableResource,
  replaceResourceFile,
  type StagedFile,
} from '../catalog/index.js';
import { runLoad } from './load-queue.js';
import { createLoad, isLoadable } from './load.service.js';

export interface ImportInput {
  /** A local file. */
  file: string;
  /** Slug of the dataset the resource belongs to. */
  dataset: string;
  name?: string | undefined;
  format?: string | undefined;
  /** Replace this resource's data (version n+1) instead of adding a resource. */
  resourceId?: string | undefined;
  /** Bytes of the file read so far, and its size. */
  onBytes?: (read: number, size: number) => void;
  /** Called once the file is stored, before the load starts. */
  onStored?: (resource: Resource) => void;
}

export interface ImportResult {
  resource: Resource;
  load: DatastoreLoad;
  replaced: boolean;
}

/** Passes the file's chunks through, reporting the bytes read (without taking the stream over). */
async function* counted(source: Readable, size: number, onBytes: ImportInput['onBytes']) {
  let read = 0;
  for await (const chunk of source) {
    const buf = chunk as Buffer;
    read += buf.length;
    onBytes?.(read, size);
    yield buf;
  }
}

/**
 * Loads the resource's current file now, in this process, not through the background queue,
 * and returns the finished load. Another node may claim the load's job first; then this waits
 * for that one to finish it.
 */
export async function loadNow(
  ctx: AppContext,
  resource: Resource,
  userId: string | null,
  staged: StagedFile | null = null,
): Promise<DatastoreLoad> {
  const queued = await createLoad(ctx, resource, userId, staged ? { file: staged } : {});
  return runLoad(ctx, queued.id);
}

/**
 * Uploads a local file as a new resource of a dataset, or as the next version of one of its
 * resources, and loads it into the datastore now. Checks the dataset, rights and format first,
 * so a refused import stores nothing; the file is held back until it has loaded (as an upload
 * through the API is), so a failed load changes nothing and returns the failed load's report.
 */
export async function importFile(
  ctx: AppContext,
  actor: Actor,
  input: ImportInput,
): Promise<ImportResult> {
  const dataset = await readableDataset(ctx, actor, input.dataset);
  authorise(actor, { type: 'dataset:update', dataset }, 'You cannot add data to this dataset');
  const fileName = path.basename(input.file);
  let existing: Resource | undefined;
  if (input.resourceId) {
    existing = (await readableResource(ctx, actor, input.resourceId)).resource;
    if (existing.dataset_id !== dataset.id) {
      throw notFound(`Resource ${input.resourceId} in dataset ${input.dataset}`);
    }
    if (input.format) {
      throw validationFailed([
        { field: 'format', message: 'a replaced file keeps its resource format' },
      ]);
    }
  }
  const fromName = formatOf(undefined, fileName);
  const format = existing
    ? fromName === 'OTHER'
      ? existing.format
      : fromName
    : formatOf(input.format, fileName);
  if (!isLoadable(format)) {
    throw validationFailed([
      { field: 'format', message: `${format} files are not loaded into the datastore` },
    ]);
  }

  const { size } = await stat(input.file);
  const stream = Readable.from(counted(createReadStream(input.file), size, input.onBytes));
  let resource: Resource | undefined;
  let staged: StagedFile | null;
  if (existing) {
    ({ resource, staged } = await replaceResourceFile(
      ctx,
      actor,
      existing.id,
      { fileName, stream },
      isLoadable,
    ));
  } else {
    const view = await addFileResource(
      ctx,
      actor,
      dataset.slug,
      { fileName, stream, name: input.name, format: input.format },
      isLoadable,
    );
    staged = view.staged;
    resource = (await findResource(ctx, view.id))?.resource;
  }
  if (!resource) throw new Error('The resource vanished while importing');
  input.onStored?.(resource);
  const load = await loadNow(ctx, resource, actor.user?.id ?? null, staged);
  // The resource as the load left it: with the new file if it loaded, unchanged if not.
  resource = (await findResource(ctx, resource.id))?.resource ?? resource;
  return { resource, load, replaced: existing !== undefined };
}
