import { joinTransaction } from '../../platform/db/transaction.js';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Dataset, Resource } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { type Actor, authorise, can } from '../accounts/index.js';
import type { Diff } from '../../platform/activity/diff.js';
import { type ActivityActor, recordActivity } from '../../platform/activity/record.js';
import type { ResourceLinkInput } from './catalog.schemas.js';
import { findDatasetById, updateDataset } from './dataset.repository.js';
import { readableDataset } from './dataset.service.js';
import { resourceView } from './dataset.view.js';
import { formatOf, mediaTypeOf, safeFileName } from './formats.js';
import {
  findResourceById,
  findResourceIdOfDataset,
  insertResource,
  nextResourcePosition,
} from './resource.repository.js';
import { type HoldFormat, type StagedFile, stageUpload, storeUpload } from './resource-upload.js';

async function writableDataset(ctx: AppContext, actor: Actor, slug: string): Promise<Dataset> {
  const dataset = await readableDataset(ctx, actor, slug);
  authorise(actor, { type: 'dataset:update', dataset }, 'You cannot add resources to this dataset');
  return dataset;
}

/**
 * A resource was added, replaced or deleted: its dataset is modified then, and the change is in
 * the dataset's history.
 */
export async function recordResourceChange(
  k: AppContext['db']['kysely'],
  actor: ActivityActor | null,
  dataset: Dataset,
  resourceId: string,
  at: string,
  change: { action: string; diff: Diff },
): Promise<void> {
  await updateDataset(k, dataset.id, { modified_at: at });
  await recordActivity(k, actor, {
    action: change.action,
    subject: { type: 'resource', id: resourceId },
    dataset,
    diff: change.diff,
    at,
  });
}

async function save(ctx: AppContext, actor: Actor, dataset: Dataset, resource: Resource) {
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await insertResource(trx, {
      ...resource,
      position: await nextResourcePosition(trx, dataset.id),
    });
    await recordResourceChange(trx, actor, dataset, resource.id, resource.created_at, {
      action: 'resource.created',
      diff: {
        name: { from: null, to: resource.name },
        format: { from: null, to: resource.format },
        ...(resource.url ? { url: { from: null, to: resource.url } } : {}),
        ...(resource.sha256
          ? { size: { from: null, to: resource.size }, sha256: { from: null, to: resource.sha256 } }
          : {}),
      },
    });
  });
  return resourceView(resource, ctx.config.baseUrl);
}

function blank(dataset: Dataset, actor: Actor, name: string, format: string): Resource {
  const at = now();
  return {
    id: newId(),
    dataset_id: dataset.id,
    name,
    description: '',
    format,
    url: null,
    blob_key: null,
    media_type: mediaTypeOf(format),
    size: null,
    sha256: null,
    position: 0,
    created_by: actor.user?.id ?? null,
    created_at: at,
    modified_at: at,
  };
}

export async function addLinkResource(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: ResourceLinkInput,
) {
  const dataset = await writableDataset(ctx, actor, slug);
  const resource = blank(dataset, actor, input.name.trim(), formatOf(input.format, input.url));
  return save(ctx, actor, dataset, {
    ...resource,
    url: input.url,
    description: input.description ?? '',
  });
}

export interface UploadInput {
  fileName: string;
  stream: Readable;
  name?: string | undefined;
  format?: string | undefined;
  description?: string | undefined;
  /** True when the transport cut the file short (an upload over its own limit). */
  truncated?: () => boolean;
}

/**
 * Streams an upload into the blob store; nothing is recorded unless the whole file arrived. A
 * format `hold` says yes to is stored but held back: the resource is saved without a file and
 * the caller (the datastore) gives it the file with `adoptResourceFile` once it has loaded, so
 * a file that does not load is never offered as the resource's. Returns the staged file then.
 */
export async function addFileResource(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: UploadInput,
  hold?: HoldFormat,
): Promise<ReturnType<typeof resourceView> & { staged: StagedFile | null }> {
  const dataset = await writableDataset(ctx, actor, slug);
  const fileName = safeFileName(input.fileName);
  const resource = blank(
    dataset,
    actor,
    input.name?.trim() ? input.name.trim() : input.fileName,
    formatOf(input.format, fileName),
  );
  if (hold?.(resource.format)) {
    const staged = await stageUpload(ctx, resource.id, fileName, resource.format, input);
    try {
      const view = await save(ctx, actor, dataset, {
        ...resource,
        description: input.description ?? '',
      });
      return { ...view, staged };
    } catch (err) {
      await ctx.blobs.delete(staged.key);
      throw err;
    }
  }
  const key = `resources/${resource.id}/${fileName}`;
  const stored = await storeUpload(ctx, key, input);
  try {
    const view = await save(ctx, actor, dataset, {
      ...resource,
      description: input.description ?? '',
      blob_key: key,
      size: stored.size,
      sha256: stored.sha256,
    });
    return { ...view, staged: null };
  } catch (err) {
    await ctx.blobs.delete(key);
    throw err;
  }
}

/**
 * A resource with its dataset, with no policy check: for background work (a load) and for
 * callers that have checked the reader's right already. Undefined when either is gone.
 */
export async function findResource(
  ctx: AppContext,
  id: string,
): Promise<{ resource: Resource; dataset: Dataset } | undefined> {
  const resource = await findResourceById(ctx.db.kysely, id);
  const dataset = resource ? await findDatasetById(ctx.db.kysely, resource.dataset_id) : undefined;
  return resource && dataset ? { resource, dataset } : undefined;
}

/** A resource whose dataset the actor may read, with that dataset. */
export async function readableResource(ctx: AppContext, actor: Actor, id: string) {
  const found = await findResource(ctx, id);
  if (!found || !can(actor, { type: 'dataset:read', dataset: found.dataset })) {
    // No id: the caller may have reached it through something else (an indicator over it).
    throw notFound('The resource');
  }
  return found;
}

export async function openResourceFile(ctx: AppContext, actor: Actor, id: string) {
  const { resource } = await readableResource(ctx, actor, id);
  if (!resource.blob_key) throw notFound(`A file for resource ${id}`);
  return {
    stream: await ctx.blobs.get(resource.blob_key),
    fileName: resource.blob_key.split('/').pop() ?? 'file',
    mediaType: resource.media_type ?? 'application/octet-stream',
    size: resource.size,
  };
}

/** The id of a dataset's resource with this name (or its first), no policy check: the seed's. */
export const resourceIdOf = (ctx: AppContext, datasetSlug: string, name: string | null) =>
  findResourceIdOfDataset(ctx.db.kysely, datasetSlug, name);
