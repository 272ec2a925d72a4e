import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { validationFailed } from '../errors.js';

/**
 * Reads the text fields sent before the file of a multipart upload, then hands over the file
 * as a stream (never buffered). Unknown fields and a missing file are named in the error.
 */
export async function readUpload(
  request: FastifyRequest,
  textFields: string[],
): Promise<{ file: MultipartFile; fields: Record<string, string> }> {
  const known = new Set(textFields);
  const fields: Record<string, string> = {};
  let file: MultipartFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        throw validationFailed([
          { field: part.fieldname, message: 'only a "file" part is accepted' },
        ]);
      }
      file = part;
      break;
    }
    if (!known.has(part.fieldname)) {
      throw validationFailed([{ field: part.fieldname, message: 'is not a known field' }]);
    }
    fields[part.fieldname] = String(part.value);
  }
  if (!file) throw validationFailed([{ field: 'file', message: 'a file part is required' }]);
  if (fields.format !== undefined && !/^[A-Za-z0-9.+-]{1,20}$/.test(fields.format)) {
    throw validationFailed([{ field: 'format', message: 'must be a short format name like CSV' }]);
  }
  return { file, fields };
}
