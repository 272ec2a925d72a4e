import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import type { Actor } from '../accounts/index.js';
import { readableResource } from '../catalog/index.js';
import { findDownload } from './download.repository.js';
import type { ExportFormat } from './export-formats.js';
import { exportNaming, type ExportPlan } from './export.service.js';
import { versionOf } from './query.service.js';

// A download of a whole version, built ahead by a job (export-build.ts), is a blob read rather
// than a COPY: on a busy day thousands take the same file. Until it is ready, the export is
// streamed as any other, so a download never waits for the job.

export interface StoredExport extends Pick<ExportPlan, 'fileName' | 'restricted'> {
  blobKey: string;
  size: number;
  /** A strong ETag: the file's SHA-256, quoted. */
  etag: string;
}

/**
 * The built file of the version (latest unless `version`) in this format, or null when it is
 * not ready; the same 404 and 409 as a streamed export for what the actor may not read.
 */
export async function findStoredExport(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  format: ExportFormat,
  version: number | null,
): Promise<StoredExport | null> {
  const found = await readableResource(ctx, actor, resourceId);
  const v = await versionOf(ctx, resourceId, version);
  const download = await findDownload(ctx.db.kysely, resourceId, v.version, format);
  if (!download) return null;
  return {
    ...exportNaming(found, v.version, format),
    blobKey: download.blob_key,
    size: download.size,
    etag: `"${download.sha256}"`,
  };
}

/** The stored file's bytes, or null when the blob store has lost it (then it is streamed). */
export function openStoredExport(ctx: AppContext, stored: StoredExport): Promise<Readable | null> {
  return ctx.blobs.get(stored.blobKey).catch(() => null);
}
