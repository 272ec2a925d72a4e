import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type {
  Dataset,
  DatastoreLoad,
  DatastoreVersion,
  Resource,
} from '../../platform/db/schema.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import { type Actor, authorise, can } from '../accounts/index.js';
import {
  resourceView,
  readableResource,
  replaceResourceFile,
  type StagedFile,
} from '../catalog/index.js';
import { findLoad, listLoads, listVersions } from './datastore.repository.js';
import type { Field, FieldType } from './field.js';
import { FIELD_TYPES } from './field.js';
import { loadQueue } from './load-queue.js';
import { createLoad, isLoadable, type LoadOptions } from './load.service.js';

export function loadView(load: DatastoreLoad) {
  return {
    id: load.id,
    status: load.status,
    version: load.version,
    error: load.error,
    report: load.report ? (JSON.parse(load.report) as unknown) : null,
    created_at: load.created_at,
    started_at: load.started_at,
    finished_at: load.finished_at,
  };
}

function versionView(v: DatastoreVersion) {
  return {
    version: v.version,
    rows: v.row_count,
    size: v.size,
    created_at: v.created_at,
    load_id: v.load_id,
  };
}

/**
 * Whether the actor sees every load of the resource: its publishers do; others see only loads
 * that made a version, so a failed or pending upload shows nothing to the public.
 */
const seesAllLoads = (actor: Actor, dataset: Dataset) =>
  can(actor, { type: 'dataset:update', dataset });

/** A resource with its datastore state: fields, versions and the latest load's report. */
export async function resourceWithDatastore(ctx: AppContext, actor: Actor, id: string) {
  const { resource, dataset } = await readableResource(ctx, actor, id);
  const [versions, loads] = await Promise.all([
    listVersions(ctx.db.kysely, resource.id),
    listLoads(ctx.db.kysely, resource.id, 1, !seesAllLoads(actor, dataset)),
  ]);
  const latest = versions[0];
  return {
    ...resourceView(resource, ctx.config.baseUrl),
    dataset: { slug: dataset.slug, title: dataset.title },
    datastore: {
      loadable: isLoadable(resource.format) && resource.blob_key !== null,
      version: latest?.version ?? null,
      rows: latest?.row_count ?? null,
      fields: latest ? (JSON.parse(latest.fields) as Field[]) : [],
      geometry: latest?.geometry ? (JSON.parse(latest.geometry) as unknown) : null,
      versions: versions.map(versionView),
      latest_load: loads[0] ? loadView(loads[0]) : null,
      query_url: `${ctx.config.baseUrl}/api/v1/resources/${resource.id}/query`,
    },
  };
}

async function writableResource(ctx: AppContext, actor: Actor, id: string) {
  const found = await readableResource(ctx, actor, id);
  authorise(
    actor,
    { type: 'dataset:update', dataset: found.dataset },
    'You cannot change the data of this resource',
  );
  return found;
}

/** Queues a load of the resource's file; with `wait`, returns once it has finished. */
export async function startLoad(
  ctx: AppContext,
  actor: Actor,
  resource: Resource,
  options: LoadOptions,
  wait: boolean,
) {
  const format = options.file?.format ?? resource.format;
  if (!(options.file ?? resource.blob_key) || !isLoadable(format)) {
    throw validationFailed([
      { field: 'format', message: `${format} files are not loaded into the datastore` },
    ]);
  }
  const load = await createLoad(ctx, resource, actor.user?.id ?? null, options);
  const queue = loadQueue(ctx);
  if (wait) return loadView(await queue.waitFor(load.id));
  queue.kick();
  return loadView(load);
}

/** Loads the current file again, with types the publisher chose for some fields. */
export async function reload(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { types?: Record<string, string> | undefined; sheet?: string | undefined },
  wait: boolean,
) {
  const { resource } = await writableResource(ctx, actor, id);
  const bad = Object.entries(input.types ?? {}).filter(
    ([, t]) => !FIELD_TYPES.includes(t as FieldType),
  );
  if (bad.length > 0) {
    throw validationFailed(
      bad.map(([f]) => ({
        field: `types.${f}`,
        message: `must be one of ${FIELD_TYPES.join(', ')}`,
      })),
    );
  }
  return startLoad(
    ctx,
    actor,
    resource,
    {
      types: (input.types as Record<string, FieldType> | undefined) ?? {},
      ...(input.sheet ? { sheet: input.sheet } : {}),
    },
    wait,
  );
}

/**
 * Replaces the resource's file and loads it as the next version. A tabular or geographic file
 * is held back until it has loaded: one that does not load changes nothing but its report.
 */
export async function replaceData(
  ctx: AppContext,
  actor: Actor,
  id: string,
  upload: { fileName: string; stream: Readable; truncated?: () => boolean },
  wait: boolean,
) {
  await writableResource(ctx, actor, id);
  const { resource, staged } = await replaceResourceFile(ctx, actor, id, upload, isLoadable);
  const load = staged
    ? await startLoad(ctx, actor, resource, { file: staged }, wait)
    : isLoadable(resource.format)
      ? await startLoad(ctx, actor, resource, {}, wait)
      : null;
  // After a load it waited for, the resource as it now is (its new file, or the old one).
  const current = wait && load ? (await readableResource(ctx, actor, id)).resource : resource;
  return { resource: resourceView(current, ctx.config.baseUrl), load };
}

/** A load and its report: publishers see every load, others only those that made a version. */
export async function getLoad(ctx: AppContext, actor: Actor, resourceId: string, loadId: string) {
  const { dataset } = await readableResource(ctx, actor, resourceId);
  const load = await findLoad(ctx.db.kysely, loadId);
  if (load?.resource_id !== resourceId) throw notFound(`Load ${loadId}`);
  if (load.status !== 'succeeded' && !seesAllLoads(actor, dataset)) {
    throw notFound(`Load ${loadId}`);
  }
  return loadView(load);
}

/** After a file upload: queue its load if the format is one the datastore reads. */
export async function loadAfterUpload(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  wait: boolean,
  staged: StagedFile | null = null,
) {
  const { resource } = await readableResource(ctx, actor, resourceId);
  if (staged) return startLoad(ctx, actor, resource, { file: staged }, wait);
  if (!resource.blob_key || !isLoadable(resource.format)) return null;
  return startLoad(ctx, actor, resource, {}, wait);
}
