import type { FastifyInstance } from 'fastify';

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

/** Route options for a form post: the CSRF token checked before the handler. */
export function formPost(app: FastifyInstance) {
  return { preHandler: app.csrfProtection.bind(app) };
}
