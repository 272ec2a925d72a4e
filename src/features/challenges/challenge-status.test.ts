import { describe, expect, it } from 'vitest';
import { challengeStatus, deadlinePassed } from './challenge-status.js';

const deadline = '2027-03-31T17:00:00.000Z';
const before = new Date('2027-03-31T16:59:59.999Z');
const at = new Date(deadline);
const open = { state: 'published' as const, deadline, decided_at: null, cancelled_at: null };

describe('challenge status', () => {
  it('is open until the deadline and judging from the deadline itself', () => {
    expect(challengeStatus(open, before)).toBe('open');
    expect(challengeStatus(open, at)).toBe('judging');
    expect(deadlinePassed(open, before)).toBe(false);
    expect(deadlinePassed(open, at)).toBe(true);
  });

  it('is decided once winners are marked, and a draft whatever the dates', () => {
    expect(challengeStatus({ ...open, decided_at: deadline }, at)).toBe('decided');
    expect(challengeStatus({ ...open, state: 'draft' }, at)).toBe('draft');
  });

  it('is cancelled from the moment the organisation cancels it, open or judging', () => {
    const cancelled = { ...open, cancelled_at: '2027-01-01T00:00:00.000Z' };
    expect(challengeStatus(cancelled, before)).toBe('cancelled');
    expect(challengeStatus(cancelled, at)).toBe('cancelled');
  });
});
