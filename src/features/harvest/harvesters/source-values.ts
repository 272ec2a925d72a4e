// Reading values out of another portal's JSON: sources disagree on types (a size as a string, a
// tag as an object, a date with no time zone), so every harvester reads through these and gets
// trimmed strings, ISO 8601 dates or null, never a value of a shape it did not expect.

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A member of an object, or undefined when the value is not an object. */
export const member = (value: unknown, key: string): unknown =>
  isObject(value) ? value[key] : undefined;

/** A trimmed, non-empty string; numbers count too, as some sources give ids as numbers. */
export function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The first of `values` that is a non-empty string. */
export const firstText = (...values: unknown[]): string | null => {
  for (const value of values) {
    const found = text(value);
    if (found !== null) return found;
  }
  return null;
};

/** Distinct non-empty strings from a list (or one string); objects give their title, name or id. */
export function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const found = list.map((item) =>
    isObject(item) ? firstText(item.title, item.name, item.id) : text(item),
  );
  return [...new Set(found.filter((item): item is string => item !== null))];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 date (kept as a date) or date-time (as UTC), else null. Only ISO-like input is
 * read: free-form dates are ambiguous (day or month first), and a guess would be stored as fact.
 * A date-time without a zone is taken as UTC so that the result does not depend on the server.
 */
export function isoDate(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  if (DATE_ONLY.test(raw)) {
    const day = new Date(`${raw}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(raw) ? raw : null;
  }
  const parts = DATE_TIME.exec(raw);
  if (!parts) return null;
  const [, date = '', time = '', zone] = parts;
  const parsed = new Date(`${date}T${time}${zone ?? 'Z'}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** A byte count from a number or a numeric string; anything else (or negative) is null. */
export function byteSize(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** An email address from `x@y` or `mailto:x@y`. */
export function email(value: unknown): string | null {
  const raw = text(value)?.replace(/^mailto:/i, '');
  return raw?.includes('@') ? raw : null;
}

/** A page's body as JSON; a page that is not JSON stops the run, so this throws. */
export function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}

/** The base URL with no trailing slash, for appending API paths. */
export const baseUrl = (url: string): string => url.trim().replace(/\/+$/, '');
