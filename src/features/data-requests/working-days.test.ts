import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isoDay,
  overdueCutoff,
  responseDue,
  workingDaysBetween,
} from './working-days.js';

describe('working days', () => {
  it('skips weekends: 20 working days from Monday 7 December 2026 is Monday 4 January 2027', () => {
    expect(isoDay(addWorkingDays(new Date('2026-12-07T10:00:00Z'), 20))).toBe('2027-01-04');
  });

  it('counts a request made at the weekend from the Monday', () => {
    expect(responseDue('2026-12-05T12:00:00Z', 1)).toBe('2026-12-07');
    expect(responseDue('2026-12-04T12:00:00Z', 1)).toBe('2026-12-07');
  });

  it('is overdue only after the due day', () => {
    const today = new Date('2027-01-05T09:00:00Z');
    const cutoff = overdueCutoff(today, 20);
    // Made on 7 Dec: due 4 Jan, so overdue on 5 Jan; made on 8 Dec: due 5 Jan, not yet.
    expect('2026-12-07' < cutoff).toBe(true);
    expect('2026-12-08' < cutoff).toBe(false);
    for (let i = 0; i < 60; i++) {
      const made = new Date(Date.UTC(2026, 10, 20 + i));
      const overdue = responseDue(made.toISOString(), 20) < isoDay(today);
      expect(isoDay(made) < cutoff).toBe(overdue);
    }
  });

  it('counts the working days a request took: Monday to Thursday is 3, Friday to Monday 1', () => {
    const days = (a: string, b: string) => workingDaysBetween(new Date(a), new Date(b));
    expect(days('2026-12-07T10:00:00Z', '2026-12-10T15:00:00Z')).toBe(3);
    expect(days('2026-12-11T16:00:00Z', '2026-12-14T09:00:00Z')).toBe(1);
    expect(days('2026-12-07T10:00:00Z', '2026-12-07T17:00:00Z')).toBe(0);
    expect(days('2026-12-07T10:00:00Z', '2027-01-04T10:00:00Z')).toBe(20);
  });
});
