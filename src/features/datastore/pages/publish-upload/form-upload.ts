import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../../platform/http/errors.js';

/**
 * CSRF for upload forms. A multipart body is streamed by the handler, so it is not parsed when
 * `preHandler: app.csrfProtection` would run. Instead the form puts its `_csrf` field first
 * (the browser sends fields in document order, and `FormData(form)` in client/upload.ts does
 * the same), and the token is checked by the same plugin, against the same signed cookie,
 * before a byte of the file is read. A body without it first is refused. The token never goes
 * in a URL, where logs and Referer headers would keep it.
 */
function verifyCsrf(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): Promise<void> {
  request.body = { _csrf: token };
  return new Promise((resolve, reject) => {
    // The plugin either calls next() or sends its 403 error: that error is thrown instead.
    const relay = {
      send: (err: unknown) => {
        reject(err instanceof Error ? err : new HttpError(403, 'forbidden', 'Invalid csrf token'));
      },
      unsignCookie: (value: string) => reply.unsignCookie(value),
    } as unknown as FastifyReply;
    app.csrfProtection.call(app, request, relay, () => {
      resolve();
    });
  });
}

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
      if (part.type !== 'field' || part.fieldname !== '_csrf') {
        throw new HttpError(
          403,
          'forbidden',
          'The form has expired: reload the page and try again',
        );
      }
      await verifyCsrf(app, request, reply, String(part.value));
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
