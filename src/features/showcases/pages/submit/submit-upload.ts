import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../../platform/http/errors.js';
import { verifyMultipartCsrf } from '../../../../platform/views/forms/multipart-csrf.js';
import { MAX_IMAGE_BYTES, type ImageUpload } from '../../showcase-image.js';

// The form is multipart (its image), so its `_csrf` field comes first and is checked before
// anything else is read (platform/views/forms/multipart-csrf.ts).

export interface ShowcaseUpload {
  fields: Record<string, string>;
  /** Undefined when no file was chosen. */
  image: ImageUpload | undefined;
}

export async function readShowcaseUpload(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<ShowcaseUpload> {
  if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', 'Send the form');
  const fields: Record<string, string> = {};
  let image: ImageUpload | undefined;
  let first = true;
  const options = {
    limits: { fileSize: MAX_IMAGE_BYTES, files: 2, fields: 20, fieldSize: 20_000 },
    throwFileSizeLimit: false,
  };
  for await (const part of request.parts(options)) {
    if (first) {
      first = false;
      await verifyMultipartCsrf(app, request, reply, part);
      continue;
    }
    if (part.type === 'file') {
      // A form sent with no file chosen still has the part, with an empty name.
      if (part.fieldname !== 'image' || !part.filename || image) {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      image = {
        fileName: part.filename,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
      continue;
    }
    fields[part.fieldname] ??= String(part.value);
  }
  return { fields, image };
}
