import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../../platform/http/errors.js';
import { verifyMultipartCsrf } from '../../../../platform/views/forms/multipart-csrf.js';
import { MAX_PHOTOS, type PhotoUpload } from '../../photo.service.js';

// The report form is multipart (its photos), so its `_csrf` field comes first and is checked
// before anything else is read (platform/views/forms/multipart-csrf.ts).

export interface ReportUpload {
  /** Text fields; a repeated one (checkboxes) as a list. */
  fields: Record<string, string | string[]>;
  photos: PhotoUpload[];
  /** Files chosen beyond MAX_PHOTOS: not read, only counted. */
  extraPhotos: number;
}

/** Reads the report form: the CSRF token, then its fields and up to three photos. */
export async function readReportUpload(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  maxPhotoBytes: number,
): Promise<ReportUpload> {
  if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', 'Send the form');
  const fields: Record<string, string | string[]> = {};
  const photos: PhotoUpload[] = [];
  let extraPhotos = 0;
  let first = true;
  // Each file stops at the limit (marked truncated, the rest skipped), so at most three of
  // them are held in memory; the fields are short. (throwFileSizeLimit is read by the plugin
  // from these options, though its types do not name it.)
  const options = {
    limits: { fileSize: maxPhotoBytes, files: 20, fields: 200, fieldSize: 20_000 },
    throwFileSizeLimit: false,
  };
  const parts = request.parts(options);
  for await (const part of parts) {
    if (first) {
      first = false;
      await verifyMultipartCsrf(app, request, reply, part);
      continue;
    }
    if (part.type === 'file') {
      // A form sent with no file chosen still has the part, with an empty name.
      if (part.fieldname !== 'photos' || !part.filename || photos.length >= MAX_PHOTOS) {
        if (part.fieldname === 'photos' && part.filename) extraPhotos += 1;
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      photos.push({
        fileName: part.filename,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      });
      continue;
    }
    const value = String(part.value);
    const known = fields[part.fieldname];
    if (known === undefined) fields[part.fieldname] = value;
    else fields[part.fieldname] = Array.isArray(known) ? [...known, value] : [known, value];
  }
  return { fields, photos, extraPhotos };
}
