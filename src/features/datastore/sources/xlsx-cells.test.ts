import { describe, expect, it } from 'vitest';
import { cellText, type CellContext } from './xlsx-cells.js';

const text = (value: unknown, numFmt = '', ctx: CellContext = { date1904: false, errors: 0 }) =>
  cellText(value, numFmt, ctx);

describe('cellText', () => {
  it('writes numbers, booleans, dates and date-times plainly', () => {
    expect(text(42)).toBe('42');
    expect(text(0.1)).toBe('0.1');
    expect(text(true)).toBe('true');
    expect(text(new Date(Date.UTC(2024, 0, 31)), 'dd/mm/yyyy')).toBe('2024-01-31');
    expect(text(new Date(Date.UTC(2024, 0, 31, 9, 30, 0, 999)), 'dd/mm/yyyy')).toBe(
      '2024-01-31T09:30:01',
    );
    expect(text(new Date(Date.UTC(2024, 0, 31)), 'dd/mm/yyyy hh:mm')).toBe('2024-01-31T00:00:00');
  });

  it('uses formula results (dates too), rich text, hyperlinks, and counts errors', () => {
    const ctx: CellContext = { date1904: false, errors: 0 };
    expect(text({ formula: 'A1', result: 45322 }, 'yyyy-mm-dd', ctx)).toBe('2024-01-31');
    expect(text({ formula: 'A1', result: 3 }, '0.00', ctx)).toBe('3');
    expect(text({ sharedFormula: 'A1', result: 'x' }, '', ctx)).toBe('x');
    expect(text({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(text({ text: 'site', hyperlink: 'https://example.org' })).toBe('site');
    expect(text({ error: '#N/A' }, '', ctx)).toBe('');
    expect(text({ formula: '1/0', result: Number.NaN }, '', ctx)).toBe('');
    expect(ctx.errors).toBe(2);
  });

  it('counts 1904 serial dates from 1904', () => {
    expect(text({ formula: 'A1', result: 0 }, 'yyyy-mm-dd', { date1904: true, errors: 0 })).toBe(
      '1904-01-01',
    );
  });
});
