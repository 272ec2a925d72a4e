import { describe, expect, it } from 'vitest';
import { datePartsOf, isoDateOf } from './form-date.js';

const read = (day: string, month: string, year: string) =>
  isoDateOf({ day, month, year }, 'start', 'Start date');

describe('GOV.UK date input', () => {
  it('reads a real date, and nothing as null', () => {
    expect(read('1', '4', '2024')).toEqual({ value: '2024-04-01' });
    expect(read('29', '02', '2024')).toEqual({ value: '2024-02-29' });
    expect(read('', '', '')).toEqual({ value: null });
  });

  it('says what is missing or wrong, in the Design System’s words', () => {
    expect(read('', '4', '').error?.message).toBe('Start date must include a day and year');
    expect(read('31', '2', '2024').error?.message).toBe('Start date must be a real date');
    expect(read('1', '4', '24').error?.message).toBe('Start date must be a real date');
    expect(read('x', '4', '2024').error?.message).toBe('Start date must be a real date');
  });

  it('shows a stored date in the three boxes', () => {
    expect(datePartsOf('2024-04-01')).toEqual({ day: '1', month: '4', year: '2024' });
    expect(datePartsOf(null)).toEqual({ day: '', month: '', year: '' });
  });
});
