import { invalidParameter } from '../../platform/errors.js';
import type { Field } from './field.js';
import { calendarDate, timestampUtc } from './temporal-values.js';

/**
 * A filter (or cursor) value as the field's type, or a 400 naming the parameter, the field and
 * the value. Values are checked here, in TypeScript, so nothing DuckDB cannot cast reaches it.
 */
export function typedValue(
  field: Field,
  value: unknown,
  op: string,
  parameter = op === 'cursor' ? 'cursor' : 'filters',
): string | number | boolean {
  const fail = (what: string) =>
    invalidParameter(
      parameter,
      `Filter ${op} on "${field.name}": ${JSON.stringify(value ?? null).slice(0, 100)} is not ${what}`,
      { column: field.name, op },
    );
  const number = () => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
  switch (field.type) {
    case 'integer': {
      const n = number();
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
        throw fail(`a whole number (±${String(Number.MAX_SAFE_INTEGER)} at most)`);
      }
      return n;
    }
    case 'decimal': {
      const n = number();
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('a number');
      return n;
    }
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw fail('true or false');
    case 'date': {
      const date = typeof value === 'string' ? calendarDate(value) : null;
      if (date === null) throw fail('a date (YYYY-MM-DD, a day that exists, years 1 to 9999)');
      return date;
    }
    case 'timestamp': {
      const at = typeof value === 'string' ? timestampUtc(value) : null;
      if (at === null) {
        throw fail('a date and time (ISO 8601, e.g. 2024-01-31T09:30:00Z, years 1 to 9999)');
      }
      return at;
    }
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw fail('text');
  }
}

/** Converts DuckDB JSON values to the API's: whole numbers as numbers, times as ISO 8601. */
export function outputValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'integer' && typeof v === 'string') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  if (type === 'timestamp' && typeof v === 'string') return `${v.replace(' ', 'T')}Z`;
  return v;
}
