import { describe, expect, it } from 'vitest';
import { STATUSES } from '../report-status.js';
import { extendedOpen311Status, statusFromOpen311 } from './open311-status.js';

describe('Open311 statuses', () => {
  it('reads mySociety’s extended statuses in either case, and plain open/closed', () => {
    expect(statusFromOpen311('FIXED')).toBe('fixed');
    expect(statusFromOpen311('in_progress')).toBe('in_progress');
    expect(statusFromOpen311('NOT_COUNCILS_RESPONSIBILITY')).toBe('not_responsible');
    expect(statusFromOpen311('Closed')).toBe('closed');
    expect(statusFromOpen311('open')).toBe('open');
    expect(statusFromOpen311('MAYBE_LATER')).toBeNull();
  });

  it('writes every status of ours in words it reads back the same', () => {
    for (const status of STATUSES) {
      expect(statusFromOpen311(extendedOpen311Status(status))).toBe(status);
    }
    expect(extendedOpen311Status('not_responsible')).toBe('NOT_COUNCILS_RESPONSIBILITY');
  });
});
