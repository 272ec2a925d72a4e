import { createHash } from 'node:crypto';
import { badRequest } from '../../platform/errors.js';

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

export function decodeCursor(cursor: string, scope: string, length: number): unknown[] {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw badRequest('The cursor is not valid', { field: 'cursor' });
  }
  if (body.h !== scope || !Array.isArray(body.k) || body.k.length !== length) {
    throw badRequest(
      'The cursor belongs to another query: repeat the same filters, sort and version',
      {
        field: 'cursor',
      },
    );
  }
  return body.k;
}
