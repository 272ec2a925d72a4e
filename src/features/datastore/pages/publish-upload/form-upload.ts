import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../../platform/http/errors.js';
import { verifyMultipartCsrf } from '../../../../platform/views/forms/multipart-csrf.js';

export interface FormUpload {
  fields: Record<string, string>;
  /** null when the form was sent without choosing a file. */
  file: MultipartFile | null;
}

/** Reads an upload form: the CSRF field, then the known text fields, then the file (streamed). */
export async function readFormUpload(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  textFields: string[],
): Promise<FormUpload> {
  if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', 'Send the form');
  const fields: Record<string, string> = {};
  let first = true;
  for await (const part of request.parts()) {
    if (first) {
      first = false;
      await verifyMultipartCsrf(app, request, reply, part);
      continue;
    }
    if (part.type === 'file') {
      // A form sent with no file chosen still has the part, with an empty name.
      if (part.fieldname !== 'file' || !part.filename) {
        part.file.resume();
        return { fields, file: null };
      }
      return { fields, file: part };
    }
    if (textFields.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
  }
  return { fields, file: null };
}
