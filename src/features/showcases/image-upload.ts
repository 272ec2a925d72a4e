import type { FastifyRequest } from 'fastify';
import { validationFailed } from '../../platform/errors.js';
import { HttpError } from '../../platform/http/errors.js';
import { MAX_IMAGE_BYTES, type ImageUpload } from './showcase-image.js';

/**
 * Reads the one file of an image upload into memory, at most MAX_IMAGE_BYTES of it (a larger
 * one is marked truncated, the rest unread), whatever the app's limit for data files.
 */
export async function readImagePart(request: FastifyRequest, field: string): Promise<ImageUpload> {
  if (!request.isMultipart()) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the image as multipart/form-data');
  }
  const options = { limits: { fileSize: MAX_IMAGE_BYTES, files: 1 }, throwFileSizeLimit: false };
  for await (const part of request.parts(options)) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== field) {
      throw validationFailed([
        { field: part.fieldname, message: `only an "${field}" part is accepted` },
      ]);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    return {
      fileName: part.filename,
      bytes: Buffer.concat(chunks),
      truncated: part.file.truncated,
    };
  }
  throw validationFailed([{ field, message: `an "${field}" file part is required` }]);
}
