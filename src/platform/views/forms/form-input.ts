import type { FastifyInstance } from 'fastify';

const SITE = 'http://same-site.invalid';
// A path a browser could read as another host (`//host`, `/\host`) once it is normalised.
const OTHER_HOST = /^\/[/\\]/;

/**
 * `?next=` is only followed to a path on this site: one leading slash, then no second slash or
 * backslash (which browsers read as another host), and no control characters. The path is
 * returned as the URL parser writes it: dot segments resolved (`/..//evil` would become
 * `//evil`) and anything outside ASCII percent-encoded, so it is always a valid Location header.
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2000) return null;
  if (!next.startsWith('/') || OTHER_HOST.test(next)) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, SITE);
  } catch {
    return null;
  }
  if (url.origin !== SITE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return OTHER_HOST.test(path) ? null : path;
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
