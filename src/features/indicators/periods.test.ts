import { describe, expect, it } from 'vitest';
import { periodStart, stepMonths } from './periods.js';

describe('periods', () => {
  it('reads quarters, months, years and dates as their first day', () => {
    expect(periodStart('2024-Q4')).toBe('2024-10-01');
    expect(periodStart('2023-04')).toBe('2023-04-01');
    expect(periodStart(2021)).toBe('2021-01-01');
    expect(periodStart('2024-02-15')).toBe('2024-02-15');
    expect(periodStart('2024-02-15T10:00:00Z')).toBe('2024-02-15');
    expect(periodStart('Bolton')).toBeNull();
    expect(periodStart('2024-13')).toBeNull();
  });

  it('finds the step of a series', () => {
    expect(stepMonths(['2024-01-01', '2024-04-01', '2024-07-01'])).toBe(3);
    expect(stepMonths(['2024-01-01', '2024-02-01'])).toBe(1);
  });
});
