import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * `?next=` is only followed to a path on this site: one leading slash, then no second slash or
 * backslash (which browsers read as another host), and no control characters.
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2000) return null;
  if (!/^\/(?![/\\])/.test(next)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  return next;
}

/** For page routes: a signed-out visitor is sent to sign in and brought back afterwards. */
export async function requireSignIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.actor.user) return;
  const next = request.method === 'GET' ? request.url : '/publish';
  await reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
}

/** A form field as one string (repeated fields and missing ones included). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null)?.[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** A form field that may repeat (checkboxes), as a list. */
export function fields(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | null)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Route options for a form post: signed in, and the CSRF token checked before the handler. */
export function formPost(app: FastifyInstance) {
  return { onRequest: requireSignIn, preHandler: app.csrfProtection.bind(app) };
}
