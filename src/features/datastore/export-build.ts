import type { AppContext } from '../../context.js';
import type { Dataset, DatastoreVersion, Resource } from '../../platform/db/schema.js';
import { newId, now } from '../../platform/ids.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import type { Db } from '../../platform/db/connect.js';
import { findResource } from '../catalog/index.js';
import { findVersion } from './datastore.repository.js';
import { insertDownload, listDownloads } from './download.repository.js';
import { XLSX_MAX_ROWS, type ExportFormat } from './export-formats.js';
import { openExport, planFor } from './export.service.js';
import { parseQueryString } from './query-params.js';
import { sourceOf } from './query.service.js';

// The whole latest version's downloads, built once per version by a job (issue 16), so that a
// busy day's downloads are blob reads rather than a COPY each (export-stored.ts serves them).
// The job is enqueued in the transaction that publishes the version, so whichever node
// published it, some node builds them. A run may be a re-run (a takeover, a retry): formats
// already recorded are skipped, each run writes files of its own, and a file whose format
// another run recorded first is deleted, so the rows are the same however often it runs.

export const EXPORT_JOB = 'datastore.export';

interface ExportJob {
  resourceId: string;
  version: number;
}

/** The formats built ahead: csv always, geojson when on a map, xlsx when a sheet holds it. */
export function prebuiltFormats(
  v: Pick<DatastoreVersion, 'geometry' | 'row_count'>,
): ExportFormat[] {
  return [
    'csv',
    ...(v.geometry ? (['geojson'] as const) : []),
    ...(v.row_count <= XLSX_MAX_ROWS ? (['xlsx'] as const) : []),
  ];
}

/** Where a version's built downloads are kept: beside its Parquet files, one folder a version. */
export const downloadPrefix = (resourceId: string, version: number) =>
  `datastore/${resourceId}/downloads/${String(version)}/`;

/** Asks for the version's downloads to be built (in the caller's transaction, if any). */
export function enqueueExportBuild(db: Db, resourceId: string, version: number): Promise<boolean> {
  const payload: ExportJob = { resourceId, version };
  return enqueueJob(db, {
    kind: EXPORT_JOB,
    payload,
    dedupeKey: `${EXPORT_JOB}:${resourceId}:${String(version)}`,
  });
}

/** Builds one format's file and records it; the file goes if the record cannot be made. */
async function buildOne(
  ctx: AppContext,
  found: { resource: Resource; dataset: Dataset },
  v: DatastoreVersion,
  format: ExportFormat,
): Promise<void> {
  const plan = await planFor(ctx, found, await sourceOf(ctx, v), format, parseQueryString({}));
  const body = await openExport(ctx, plan, new AbortController().signal);
  const key = `${downloadPrefix(v.resource_id, v.version)}${newId()}.${format}`;
  const stored = await ctx.blobs.put(key, body.stream).catch((err: unknown) => {
    // Closing the export stops its COPY and releases its file.
    body.stream.destroy();
    throw err;
  });
  let recorded = false;
  try {
    recorded = await insertDownload(ctx.db.kysely, {
      resource_id: v.resource_id,
      version: v.version,
      format,
      blob_key: stored.key,
      size: stored.size,
      sha256: stored.sha256,
      created_at: now(),
    });
  } finally {
    // Another run recorded this format first, or the version went meanwhile (the foreign key).
    if (!recorded) await ctx.blobs.delete(stored.key);
  }
}

/**
 * Builds the downloads of a resource's version not built yet; nothing when the version is gone
 * (retention, the resource deleted) or is no longer the latest (the next version has its job).
 */
export async function buildDownloads(
  ctx: AppContext,
  resourceId: string,
  version: number,
): Promise<void> {
  const k = ctx.db.kysely;
  const latest = await findVersion(k, resourceId, null);
  const found = await findResource(ctx, resourceId);
  if (latest?.version !== version || !found) return;
  const done = new Set((await listDownloads(k, resourceId, version)).map((d) => d.format));
  for (const format of prebuiltFormats(latest)) {
    if (done.has(format)) continue;
    try {
      await buildOne(ctx, found, latest, format);
    } catch (err) {
      if (!(await findVersion(k, resourceId, version))) return;
      throw err;
    }
  }
}

/** The export job's handler, for the app's job runner. */
export const exportJobHandlers = (ctx: AppContext): Record<string, JobHandler> => ({
  [EXPORT_JOB]: async (payload) => {
    const { resourceId, version } = payload as ExportJob;
    await buildDownloads(ctx, resourceId, version);
  },
});
