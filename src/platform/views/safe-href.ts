// Links are checked when stored (platform/http/schemas.ts's WebUrl), and again when drawn: a
// stored address that is not http(s), mailto: or a path on this site never becomes an href.
const SAFE = /^(https?:\/\/|mailto:|\/(?![/\\])|#|\?)/i;

/** The address if following it is safe, otherwise "#" (the link goes nowhere). */
export function safeHref(value: unknown): string {
  const href = typeof value === 'string' ? value.trim() : '';
  return SAFE.test(href) ? href : '#';
}
