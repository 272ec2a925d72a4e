import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { HarvestFileRow } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { OutboundPolicy, OutboundTooLarge, streamOutbound } from '../../platform/http/outbound.js';
import { stageUpload, type StagedFile } from '../catalog/index.js';

// Fetching a harvested resource's file into the blob store, as a staged upload: streamed, never
// whole in memory, through the platform's outbound client (private addresses refused, the
// download time limit, the upload size limit), and asked conditionally when it was loaded before.

export type Download =
  | { changed: false; etag: string | null; lastModified: string | null }
  | { changed: true; staged: StagedFile; etag: string | null; lastModified: string | null };

const header = (v: string | string[] | undefined) => (typeof v === 'string' ? v : null);

/** The file's name for the blob store: the URL's last segment, with the format's extension. */
function fileNameOf(url: string, format: string): string {
  let base: string;
  try {
    base = decodeURIComponent(path.posix.basename(new URL(url).pathname)) || 'data';
  } catch {
    base = 'data';
  }
  return path.extname(base) ? base : `${base}.${format.toLowerCase()}`;
}

const tooLarge = (limit: number, cause?: unknown) =>
  new Error(`The file is larger than the upload limit of ${limit} bytes (MAX_UPLOAD_BYTES)`, {
    cause,
  });

/**
 * Downloads `url` for the resource, unless the source says it has not changed since `known`
 * (304), or what arrives is the very file loaded last time (same size and SHA-256): then
 * `changed` is false and nothing is kept. Throws with a clear message when the file cannot be
 * had (refused address, an error status, too large, empty, too slow).
 */
export async function downloadFile(
  ctx: AppContext,
  resourceId: string,
  url: string,
  format: string,
  known: HarvestFileRow | undefined,
): Promise<Download> {
  const limit = ctx.config.maxUploadBytes;
  const conditional = known?.url === url ? known : undefined;
  const res = await streamOutbound(
    url,
    new OutboundPolicy(ctx.config.outboundAllowedPrivate),
    {
      timeoutMs: ctx.config.harvestDownloadTimeoutMs,
      maxBytes: limit,
      maxRedirects: ctx.config.harvestMaxRedirects,
    },
    {
      headers: {
        accept: '*/*',
        'user-agent': 'Metrodata harvester',
        ...(conditional?.etag ? { 'if-none-match': conditional.etag } : {}),
        ...(conditional?.last_modified ? { 'if-modified-since': conditional.last_modified } : {}),
      },
    },
  );
  const etag = header(res.headers.etag);
  const lastModified = header(res.headers['last-modified']);
  if (res.status === 304 && conditional) {
    res.body.destroy();
    return { changed: false, etag: etag ?? conditional.etag, lastModified };
  }
  if (res.status < 200 || res.status >= 300) {
    res.body.destroy();
    throw new Error(`${res.url} answered ${res.status}`);
  }
  if (Number(res.headers['content-length'] ?? 0) > limit) {
    res.body.destroy();
    throw tooLarge(limit);
  }
  let staged: StagedFile;
  try {
    staged = await stageUpload(ctx, resourceId, fileNameOf(res.url, format), format, {
      stream: res.body,
    });
  } catch (err) {
    const large =
      err instanceof OutboundTooLarge || (err instanceof DomainError && err.kind === 'too_large');
    if (large) throw tooLarge(limit, err);
    if (err instanceof DomainError && err.code === 'empty_file') {
      throw new Error('The file is empty', { cause: err });
    }
    throw err;
  }
  if (known?.size === staged.size && known.sha256 === staged.sha256) {
    // The source answered in full, but with the file already loaded: no new version.
    await ctx.blobs.delete(staged.key);
    return { changed: false, etag, lastModified };
  }
  return { changed: true, staged, etag, lastModified };
}
