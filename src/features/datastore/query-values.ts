import { badRequest } from '../../platform/errors.js';
import type { Field } from './field.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A filter value as the field's type, or a 400 naming the field and the value. */
export function typedValue(field: Field, value: unknown, op: string): string | number | boolean {
  const fail = (what: string) =>
    badRequest(`Filter ${op} on "${field.name}": ${JSON.stringify(value)} is not ${what}`, {
      field: field.name,
      op,
    });
  switch (field.type) {
    case 'integer': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw fail('a whole number');
      return n;
    }
    case 'decimal': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('a number');
      return n;
    }
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw fail('true or false');
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
        throw fail('a date (YYYY-MM-DD)');
      }
      return value;
    case 'timestamp': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw fail('a date and time (ISO 8601)');
      }
      return new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
        .toISOString()
        .replace('Z', '');
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
