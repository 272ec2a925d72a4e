import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { ActivityActor } from '../../platform/activity/record.js';
import type { Resource } from '../../platform/db/schema.js';
import { validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type Actor, authorise } from '../accounts/index.js';
import { findDatasetById } from './dataset.repository.js';
import { mediaTypeOf } from './formats.js';
import { findResourceById, updateResource } from './resource.repository.js';
import {
  type HoldFormat,
  replacedFormat,
  type StagedFile,
  stageUpload,
} from './resource-upload.js';
import { readableResource, recordResourceChange } from './resource.service.js';

/** Gives a resource a stored file: its key, size, hash and format, with the activity record. */
async function setFile(
  tx: AppContext,
  actor: ActivityActor | null,
  resource: Resource,
  file: StagedFile,
  at: string,
): Promise<Resource> {
  const dataset = await findDatasetById(tx.db.kysely, resource.dataset_id);
  if (!dataset) throw new Error(`No dataset for resource ${resource.id}`);
  const changed: Resource = {
    ...resource,
    blob_key: file.key,
    size: file.size,
    sha256: file.sha256,
    format: file.format,
    media_type: mediaTypeOf(file.format),
    modified_at: at,
  };
  await updateResource(tx.db.kysely, changed);
  await recordResourceChange(tx.db.kysely, actor, dataset, resource.id, at, {
    action: 'resource.replaced',
    diff: {
      sha256: { from: resource.sha256, to: file.sha256 },
      size: { from: resource.size, to: file.size },
      ...(resource.format === file.format
        ? {}
        : { format: { from: resource.format, to: file.format } }),
    },
  });
  return changed;
}

/**
 * Stores a new file for a file resource; the old file is kept. A format `hold` says yes to is
 * only staged: the resource is unchanged until `adoptResourceFile` (the datastore, once the file
 * has loaded), and the staged file is returned. Otherwise the resource takes the file now.
 */
export async function replaceResourceFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  upload: { fileName: string; stream: Readable; truncated?: () => boolean },
  hold?: HoldFormat,
): Promise<{ resource: Resource; staged: StagedFile | null }> {
  const { resource, dataset } = await readableResource(ctx, actor, id);
  authorise(
    actor,
    { type: 'dataset:update', dataset },
    'You cannot replace the data of this resource',
  );
  if (resource.url !== null) {
    throw validationFailed([{ field: 'file', message: 'this resource is a link, not a file' }]);
  }
  const format = replacedFormat(upload.fileName, resource.format);
  const staged = await stageUpload(ctx, resource.id, upload.fileName, format, upload);
  if (hold?.(format)) return { resource, staged };
  try {
    const changed = await inTransaction(ctx, (tx) => setFile(tx, actor, resource, staged, now()));
    return { resource: changed, staged: null };
  } catch (err) {
    await ctx.blobs.delete(staged.key);
    throw err;
  }
}

/**
 * A held file has loaded: the resource takes it, in the caller's transaction (the one that
 * publishes the datastore version), so the file and its data appear together.
 */
export async function adoptResourceFile(
  tx: AppContext,
  actor: ActivityActor | null,
  resourceId: string,
  file: StagedFile,
  at: string,
): Promise<void> {
  const resource = await findResourceById(tx.db.kysely, resourceId);
  if (resource) await setFile(tx, actor, resource, file, at);
}
