import { describe, expect, it } from 'vitest';
import { challengeStatus, deadlinePassed } from './challenge-status.js';

const deadline = '2027-03-31T17:00:00.000Z';
const before = new Date('2027-03-31T16:59:59.999Z');
const at = new Date(deadline);

describe('challenge status', () => {
  it('is open until the deadline and judging from the deadline itself', () => {
    const c = { state: 'published' as const, deadline, decided_at: null };
    expect(challengeStatus(c, before)).toBe('open');
    expect(challengeStatus(c, at)).toBe('judging');
    expect(deadlinePassed(c, before)).toBe(false);
    expect(deadlinePassed(c, at)).toBe(true);
  });

  it('is decided once winners are marked, and a draft whatever the dates', () => {
    expect(challengeStatus({ state: 'published', deadline, decided_at: deadline }, at)).toBe(
      'decided',
    );
    expect(challengeStatus({ state: 'draft', deadline, decided_at: null }, at)).toBe('draft');
  });
});
