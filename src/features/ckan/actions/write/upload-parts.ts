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

/** The text fields sent before the file, and the file; an unknown field is named in a 409. */
export async function readCkanUpload(request: FastifyRequest): Promise<CkanUpload> {
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'upload') {
        throw ckanValidation(part.fieldname, 'Send the file in the field named "upload"');
      }
      return { fields, file: part };
    }
    if (!FIELDS.has(part.fieldname)) {
      throw ckanValidation(part.fieldname, 'Is not a field this site keeps for a resource');
    }
    fields[part.fieldname] = String(part.value);
  }
  return { fields, file: null };
}
