import type { FieldError } from '../../errors.js';
import { field } from './form-input.js';

/** The three boxes of a GOV.UK date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate = (): DateParts => ({ day: '', month: '', year: '' });

/** The boxes of the date input named `prefix` as posted (`prefix-day`, `-month`, `-year`). */
export const datePartsFrom = (body: unknown, prefix: string): DateParts => ({
  day: field(body, `${prefix}-day`),
  month: field(body, `${prefix}-month`),
  year: field(body, `${prefix}-year`),
});

export function datePartsOf(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return emptyDate();
  return { year: m[1] ?? '', month: String(Number(m[2])), day: String(Number(m[3])) };
}

/**
 * An ISO date from the boxes: null when all are empty, else the date or an error in the
 * Design System's words ("… must include a month", "… must be a real date").
 */
export function isoDateOf(
  parts: DateParts,
  field: string,
  label: string,
): { value: string | null; error?: FieldError } {
  const p = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  if (!p.day && !p.month && !p.year) return { value: null };
  const missing = (['day', 'month', 'year'] as const).filter((k) => !p[k]);
  if (missing.length > 0) {
    return {
      value: null,
      error: { field, message: `${label} must include a ${missing.join(' and ')}` },
    };
  }
  const [d, m, y] = [Number(p.day), Number(p.month), Number(p.year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    /^\d{4}$/.test(p.year) &&
    Number.isInteger(d) &&
    Number.isInteger(m) &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d;
  if (!real) return { value: null, error: { field, message: `${label} must be a real date` } };
  return { value: date.toISOString().slice(0, 10) };
}
