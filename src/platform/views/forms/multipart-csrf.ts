import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/errors.js';

/**
 * CSRF for multipart forms (uploads, photos). A multipart body is streamed by the handler, so
 * it is not parsed when `preHandler: app.csrfProtection` would run. Instead the form puts its
 * `_csrf` field first (the browser sends fields in document order, and `FormData(form)` does
 * the same), and the handler checks that token here, by the same plugin against the same signed
 * cookie, before a byte of a file is read. The token never goes in a URL, where logs and Referer
 * headers would keep it.
 */
export function verifyMultipartCsrf(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  first: Multipart,
): Promise<void> {
  // A body without the token first is refused: the file must not be read before the check.
  if (first.type !== 'field' || first.fieldname !== '_csrf') {
    return Promise.reject(
      new HttpError(403, 'forbidden', 'The form has expired: reload the page and try again'),
    );
  }
  request.body = { _csrf: String(first.value) };
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
