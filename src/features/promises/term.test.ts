import { describe, expect, it } from 'vitest';
import { addDays, dayOfTerm, dueDate, dueDateWithinDays, isIsoDate } from './term.js';

describe('the mayor term', () => {
  it('counts the day of taking office as day 1', () => {
    expect(dayOfTerm('2026-05-08', '2026-05-08')).toBe(1);
    expect(dayOfTerm('2026-05-08', '2026-05-09')).toBe(2);
  });

  it('counts across months, a leap day and a year end', () => {
    // 2024-02-29 exists: 2024-02-01 to 2024-03-01 is 29 days later, so day 30.
    expect(dayOfTerm('2024-02-01', '2024-03-01')).toBe(30);
    expect(dayOfTerm('2025-12-31', '2026-01-01')).toBe(2);
    expect(dayOfTerm('2024-05-10', '2025-05-10')).toBe(366);
  });

  it('is 0 or less before taking office', () => {
    expect(dayOfTerm('2026-05-08', '2026-05-07')).toBe(0);
  });

  it('puts "within 100 days" 100 days after the start, on day 101', () => {
    expect(dueDateWithinDays('2026-05-08', 100)).toBe('2026-08-16');
    expect(dayOfTerm('2026-05-08', '2026-08-16')).toBe(101);
  });

  it('gives a due date for a date, for days with a term start, and none otherwise', () => {
    expect(dueDate({ kind: 'date', date: '2027-01-31', days: null }, null)).toBe('2027-01-31');
    expect(dueDate({ kind: 'days', date: null, days: 30 }, '2026-01-01')).toBe('2026-01-31');
    expect(dueDate({ kind: 'days', date: null, days: 30 }, null)).toBeNull();
    expect(dueDate({ kind: 'none', date: null, days: null }, '2026-01-01')).toBeNull();
  });

  it('adds days and recognises real ISO dates only', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('29/02/2028')).toBe(false);
  });
});
