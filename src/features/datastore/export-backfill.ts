import type { AppContext } from '../../context.js';
import { runDueJobs } from '../../platform/jobs/jobs.js';
import { findVersion } from './datastore.repository.js';
import { deleteDownloads, latestVersionsWithDownloads } from './download.repository.js';
import {
  downloadPrefix,
  enqueueExportBuild,
  exportJobHandlers,
  prebuiltFormats,
} from './export-build.js';
import { notFound } from '../../platform/errors.js';

// The operator's side of built downloads (`metrodata downloads build`): the versions that lack
// some (a job parked, files lost), queued again; one resource's rebuilt from scratch. Migration
// 0027 queued those of versions published before downloads were built at all.

/**
 * Queues the build of every latest version missing a download (one already waiting is left as
 * it is); how many lack some.
 */
export async function queueMissingDownloads(ctx: AppContext): Promise<number> {
  let missing = 0;
  for (const v of await latestVersionsWithDownloads(ctx.db.kysely)) {
    if (Number(v.built) >= prebuiltFormats(v).length) continue;
    await enqueueExportBuild(ctx.db, v.resource_id, v.version);
    missing += 1;
  }
  return missing;
}

/** Forgets the built downloads of a resource's latest version and queues them again. */
export async function queueRebuild(ctx: AppContext, resourceId: string): Promise<number> {
  const v = await findVersion(ctx.db.kysely, resourceId, null);
  if (!v) throw notFound(`Data of resource ${resourceId}`);
  // The rows first: a request meanwhile streams rather than reading a file being removed.
  await deleteDownloads(ctx.db.kysely, resourceId, v.version);
  await ctx.blobs.deletePrefix(downloadPrefix(resourceId, v.version));
  await enqueueExportBuild(ctx.db, resourceId, v.version);
  return v.version;
}

/** Builds the queued downloads in this process (rather than waiting for the servers). */
export const runDownloadJobs = (ctx: AppContext): Promise<number> =>
  runDueJobs(ctx.db, exportJobHandlers(ctx), { leaseMs: ctx.config.jobLeaseS * 1000 });
