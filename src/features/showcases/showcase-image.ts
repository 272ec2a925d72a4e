import { Readable } from 'node:stream';
import type { AppContext } from '../../context.js';
import { validationFailed } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { formatBytes } from '../../platform/views/filters.js';
import { imageKindOf, processPhoto, type ProcessedPhoto } from '../reports/index.js';

// A showcase's image is made safe as a report's photo is (the reports feature's processing:
// told apart by its bytes, EXIF stripped, turned upright, at most 1600 px, a fresh JPEG).

/** Larger files are refused before any decoding. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface ImageUpload {
  fileName: string;
  bytes: Buffer;
  /** More arrived than MAX_IMAGE_BYTES (the rest was not read). */
  truncated: boolean;
}

export interface StoredImage {
  key: string;
  width: number;
  height: number;
  bytes: number;
}

/** Checks and converts an upload; the problem is a field error on `image`. */
export async function processImage(upload: ImageUpload): Promise<ProcessedPhoto> {
  const name = `The image “${upload.fileName || 'without a name'}”`;
  const refuse = (message: string) => validationFailed([{ field: 'image', message }]);
  if (upload.truncated || upload.bytes.length > MAX_IMAGE_BYTES) {
    throw refuse(`${name} must be smaller than ${formatBytes(MAX_IMAGE_BYTES)}`);
  }
  if (upload.bytes.length === 0) throw refuse(`${name} is empty`);
  const kind = imageKindOf(upload.bytes);
  if (!kind) throw refuse(`${name} is not an image: choose a JPEG, PNG or HEIC file`);
  try {
    return await processPhoto(kind, upload.bytes);
  } catch {
    throw refuse(`${name} could not be read as an image: it may be damaged; choose another`);
  }
}

/** Every blob of a showcase is under this prefix (deleted together). */
export const imagePrefix = (showcaseId: string) => `showcases/${showcaseId}/`;

/** Stores a processed image under a new key (`imageId` given by the demo, to stay the same). */
export async function storeImage(
  ctx: AppContext,
  showcaseId: string,
  image: ProcessedPhoto,
  imageId: string = newId(),
): Promise<StoredImage> {
  const key = `${imagePrefix(showcaseId)}${imageId}.jpg`;
  const blob = await ctx.blobs.put(key, Readable.from([image.jpeg]));
  return { key, width: image.width, height: image.height, bytes: blob.size };
}
