import type { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { BlobTooLargeError } from '../../platform/blobs/blob-store.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { formatOf, mediaTypeOf, safeFileName } from './formats.js';

/**
 * An uploaded file stored under a key of its own but not yet the resource's: the datastore holds
 * a tabular file back until it has loaded, so a file that does not load changes nothing.
 */
export interface StagedFile {
  key: string;
  /** Everything under it is this upload's (the blob clean-up removes a failed one by prefix). */
  prefix: string;
  size: number;
  sha256: string;
  format: string;
  media_type: string;
}

/** Which formats the caller holds back until loaded (the datastore's loadable formats). */
export type HoldFormat = (format: string) => boolean;

/** Streams an upload into the blob store, refusing it whole if too large, cut short or empty. */
export async function storeUpload(
  ctx: AppContext,
  key: string,
  input: { stream: Readable; truncated?: () => boolean },
) {
  const tooLarge = () =>
    new DomainError(
      'too_large',
      'payload_too_large',
      `The file is larger than the limit of ${ctx.config.maxUploadBytes} bytes`,
    );
  let stored;
  try {
    stored = await ctx.blobs.put(key, input.stream, { maxBytes: ctx.config.maxUploadBytes });
  } catch (err) {
    input.stream.resume();
    throw err instanceof BlobTooLargeError ? tooLarge() : err;
  }
  if (input.truncated?.()) {
    await ctx.blobs.delete(key);
    throw tooLarge();
  }
  if (stored.size === 0) {
    await ctx.blobs.delete(key);
    throw new DomainError('validation', 'empty_file', 'The uploaded file is empty');
  }
  return stored;
}

/** Stores an upload under a prefix of its own (`resources/<id>/<upload>/<name>`). */
export async function stageUpload(
  ctx: AppContext,
  resourceId: string,
  fileName: string,
  format: string,
  input: { stream: Readable; truncated?: () => boolean },
): Promise<StagedFile> {
  const prefix = `resources/${resourceId}/${newId()}/`;
  const key = `${prefix}${safeFileName(fileName)}`;
  const stored = await storeUpload(ctx, key, input);
  return {
    key,
    prefix,
    size: stored.size,
    sha256: stored.sha256,
    format,
    media_type: mediaTypeOf(format),
  };
}

/** A replaced file's format: from its name, or the resource's when the name does not say. */
export function replacedFormat(fileName: string, current: string): string {
  const format = formatOf(undefined, safeFileName(fileName));
  return format === 'OTHER' ? current : format;
}
