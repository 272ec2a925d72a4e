import { createHash } from 'node:crypto';
import { invalidParameter } from '../../platform/errors.js';

// A cursor names the last record of a page by its sort values and row id, so the next page
// starts right after it with a range condition instead of skipping rows: page 10,000 costs
// what page 1 costs. It is tied to the version, filters and sort it was made for.

interface CursorBody {
  /** Hash of the version, filters and sort. */
  h: string;
  /** Sort values then the row id. */
  k: unknown[];
}

export const cursorScope = (parts: unknown): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);

export function encodeCursor(scope: string, key: unknown[]): string {
  return Buffer.from(JSON.stringify({ h: scope, k: key } satisfies CursorBody)).toString(
    'base64url',
  );
}

const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** The cursor's key, checked for shape: anything else (`null`, `{}`, a list of lists) is a 400. */
export function decodeCursor(cursor: string, scope: string, length: number): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    body = undefined;
  }
  const { h, k } = (typeof body === 'object' && body !== null ? body : {}) as Partial<CursorBody>;
  if (typeof h !== 'string' || !Array.isArray(k) || !k.every(scalar)) {
    throw invalidParameter('cursor', 'The cursor is not valid: pass back a next_cursor unchanged');
  }
  if (h !== scope || k.length !== length) {
    throw invalidParameter(
      'cursor',
      'The cursor belongs to another query: repeat the same filters, sort and version',
    );
  }
  return k;
}
