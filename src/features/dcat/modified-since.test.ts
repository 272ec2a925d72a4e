import { describe, expect, it } from 'vitest';
import { parseModifiedSince } from './dcat.service.js';

describe('modified_since', () => {
  it('reads dates, and dates and times with or without a zone (UTC when none)', () => {
    expect(parseModifiedSince('2024-05-01')?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(parseModifiedSince('2024-05-01T09:30')?.toISOString()).toBe('2024-05-01T09:30:00.000Z');
    expect(parseModifiedSince('2024-05-01T09:30:00.5Z')?.toISOString()).toBe(
      '2024-05-01T09:30:00.500Z',
    );
    expect(parseModifiedSince('2024-05-01T10:00:00+01:00')?.toISOString()).toBe(
      '2024-05-01T09:00:00.000Z',
    );
    // The same sent unencoded: the + became a space on the way.
    expect(parseModifiedSince('2024-05-01T10:00:00 01:00')?.toISOString()).toBe(
      '2024-05-01T09:00:00.000Z',
    );
    expect(parseModifiedSince(undefined)).toBeUndefined();
    expect(parseModifiedSince('')).toBeUndefined();
  });

  it('refuses anything else, naming the parameter', () => {
    for (const bad of ['yesterday', '2024-13-01', '2024-05-01T25:00Z', '1714550400', '2024-05']) {
      expect(() => parseModifiedSince(bad), bad).toThrow(
        expect.objectContaining({
          code: 'invalid_request',
          details: [expect.objectContaining({ field: 'modified_since' })],
        }),
      );
    }
  });
});
