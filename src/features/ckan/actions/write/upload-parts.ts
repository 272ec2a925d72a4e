import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ckanValidation } from '../../ckan-action.js';

// A resource_create or resource_patch sent as CKAN clients send a file (ckanapi's
// `upload=@file.csv`): multipart/form-data with text fields, then the file in the part named
// `upload`. The file is handed over as a stream, never buffered.

const FIELDS = new Set(['package_id', 'id', 'name', 'description', 'format', 'url']);

export interface CkanUpload {
  fields: Record<string, string>;
  file: MultipartFile | null;
}

/** The text fields sent before the file, and the file (or null when none was sent). */
export async function readCkanUpload(request: FastifyRequest): Promise<CkanUpload> {
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'upload') {
        throw ckanValidation(part.fieldname, 'Send the file in the field named "upload"');
      }
      return { fields, file: part };
    }
    // Other resource fields (mimetype, size, hash …) are ignored, as in a JSON call.
    if (FIELDS.has(part.fieldname)) fields[part.fieldname] = String(part.value);
  }
  return { fields, file: null };
}
