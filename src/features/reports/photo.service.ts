import { createRequire } from 'node:module';
import sharp, { type Sharp } from 'sharp';
import { formatBytes } from '../../platform/views/filters.js';
import type { FieldError } from '../../platform/errors.js';

// A reporter's photos, made safe to publish: only JPEG, PNG and HEIC (what phones take), told
// apart by their first bytes (a name says nothing); HEIC decoded to pixels, since browsers
// cannot show it; turned upright, at most 1600 px on the long side, and written as a fresh
// JPEG with no metadata, so no EXIF (the camera, the time, the GPS position of a home) leaves.

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_SIDE = 1600;

export type ImageKind = 'jpeg' | 'png' | 'heic';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** What the bytes are, by their signature; null for anything else. */
export function imageKindOf(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  // ISO base media file: a box size, then "ftyp" and the major brand.
  if (bytes.length >= 12 && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp') {
    const brand = Buffer.from(bytes.subarray(8, 12)).toString('latin1');
    if (HEIF_BRANDS.has(brand)) return 'heic';
  }
  return null;
}

interface HeicImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}
type HeicDecode = (input: { buffer: Uint8Array }) => Promise<HeicImage>;
// Loaded on first use: its WebAssembly decoder is large and most photos are JPEG.
let heicDecode: HeicDecode | undefined;
const decodeHeic = (bytes: Uint8Array): Promise<HeicImage> => {
  heicDecode ??= createRequire(import.meta.url)('heic-decode') as HeicDecode;
  return heicDecode({ buffer: bytes });
};

export interface ProcessedPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
}

export interface PhotoUpload {
  /** The file's name as chosen, only to name it in errors. */
  fileName: string;
  bytes: Buffer;
  /** More arrived than the limit (the rest was not read). */
  truncated: boolean;
}

async function pixelsOf(kind: ImageKind, bytes: Buffer): Promise<Sharp> {
  if (kind !== 'heic') return sharp(bytes, { failOn: 'error' });
  const image = await decodeHeic(bytes);
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  });
}

/** One photo as it will be kept: upright, resized, a JPEG without metadata. */
export async function processPhoto(kind: ImageKind, bytes: Buffer): Promise<ProcessedPhoto> {
  const image = await pixelsOf(kind, bytes);
  const { data, info } = await image
    .rotate()
    .resize({
      width: MAX_PHOTO_SIDE,
      height: MAX_PHOTO_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

/**
 * Checks and converts the photos chosen; the problems are one field error on `photos` naming
 * each file, so the reporter knows which ones to change.
 */
export async function processPhotos(
  uploads: readonly PhotoUpload[],
  maxBytes: number,
): Promise<{ photos: ProcessedPhoto[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const photos: ProcessedPhoto[] = [];
  if (uploads.length > MAX_PHOTOS) {
    return {
      photos,
      errors: [{ field: 'photos', message: `Choose at most ${MAX_PHOTOS} photos` }],
    };
  }
  const problems: string[] = [];
  for (const upload of uploads) {
    const name = `The photo “${upload.fileName || 'without a name'}”`;
    if (upload.truncated || upload.bytes.length > maxBytes) {
      problems.push(`${name} must be smaller than ${formatBytes(maxBytes)}.`);
      continue;
    }
    if (upload.bytes.length === 0) {
      problems.push(`${name} is empty.`);
      continue;
    }
    const kind = imageKindOf(upload.bytes);
    if (!kind) {
      problems.push(`${name} is not a photo: choose a JPEG, PNG or HEIC image.`);
      continue;
    }
    try {
      photos.push(await processPhoto(kind, upload.bytes));
    } catch {
      problems.push(`${name} could not be read as an image: it may be damaged; choose another.`);
    }
  }
  // One message for the one field, naming each photo that is wrong.
  if (problems.length > 0) errors.push({ field: 'photos', message: problems.join(' ') });
  return { photos, errors };
}
