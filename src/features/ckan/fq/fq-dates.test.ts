import { describe, expect, it } from 'vitest';
import { fqDate } from './fq-dates.js';

// Dates in fq ranges, as Solr reads them.

const now = new Date('2026-03-15T10:20:30.000Z');

describe('fqDate', () => {
  it.each([
    ['*', null],
    ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z'],
    ['2024-01-01', '2024-01-01T00:00:00.000Z'],
    ['NOW', '2026-03-15T10:20:30.000Z'],
    ['NOW-1DAY', '2026-03-14T10:20:30.000Z'],
    ['NOW-7DAYS', '2026-03-08T10:20:30.000Z'],
    ['NOW/DAY', '2026-03-15T00:00:00.000Z'],
    ['NOW-1YEAR/DAY', '2025-03-15T00:00:00.000Z'],
    ['NOW+2HOURS', '2026-03-15T12:20:30.000Z'],
    ['NOW/MONTH', '2026-03-01T00:00:00.000Z'],
  ])('reads %s', (value, expected) => {
    expect(fqDate(value, now)).toBe(expected);
  });

  it.each(['yesterday', '2024-13-45', 'NOW-DAY', 'NOW-1FORTNIGHT', '12'])('refuses %s', (value) => {
    expect(() => fqDate(value, now)).toThrow(/cannot/);
  });

  it('refuses date maths beyond the calendar instead of failing', () => {
    expect(() => fqDate('NOW+999999999YEARS', now)).toThrow(/out of range/);
    expect(() => fqDate('NOW-99999999999999999999DAYS', now)).toThrow(/out of range/);
  });
});
