import { FqSyntaxError } from './fq-tokens.js';

// Dates in fq as Solr reads them: ISO 8601 (a date alone is its midnight, UTC), `*` for
// unbounded, and `NOW` with simple date maths (`NOW-7DAYS`, `NOW/DAY`, `NOW-1YEAR/DAY`).

const UNITS: Record<string, (d: Date, n: number) => void> = {
  SECOND: (d, n) => d.setUTCSeconds(d.getUTCSeconds() + n),
  MINUTE: (d, n) => d.setUTCMinutes(d.getUTCMinutes() + n),
  HOUR: (d, n) => d.setUTCHours(d.getUTCHours() + n),
  DAY: (d, n) => d.setUTCDate(d.getUTCDate() + n),
  MONTH: (d, n) => d.setUTCMonth(d.getUTCMonth() + n),
  YEAR: (d, n) => d.setUTCFullYear(d.getUTCFullYear() + n),
};

function round(d: Date, unit: string): void {
  const parts: [string, () => void][] = [
    ['YEAR', () => d.setUTCMonth(0, 1)],
    ['MONTH', () => d.setUTCDate(1)],
    ['DAY', () => d.setUTCHours(0, 0, 0, 0)],
    ['HOUR', () => d.setUTCMinutes(0, 0, 0)],
    ['MINUTE', () => d.setUTCSeconds(0, 0)],
  ];
  const from = parts.findIndex(([u]) => u === unit);
  if (from < 0) throw new FqSyntaxError(`cannot round a date to ${unit}`);
  for (const [, apply] of parts.slice(from)) apply();
}

function dateMaths(expr: string, now: Date): Date {
  const d = new Date(now.getTime());
  for (const m of expr.matchAll(/([+-/])(\d*)([A-Z]+?)S?(?=[+-/]|$)/g)) {
    const [, op, n, unit = ''] = m;
    if (op === '/') {
      round(d, unit);
      continue;
    }
    const add = UNITS[unit];
    if (!add || !n) throw new FqSyntaxError(`cannot read the date maths ${expr}`);
    add(d, op === '-' ? -Number(n) : Number(n));
  }
  return d;
}

/** A bound as an ISO string comparable with stored times, or null for `*`. */
export function fqDate(value: string, now: Date): string | null {
  if (value === '*') return null;
  const upper = value.toUpperCase();
  if (upper.startsWith('NOW')) {
    const rest = upper.slice(3);
    if (!/^([+-]\d+[A-Z]+|\/[A-Z]+)*$/.test(rest)) {
      throw new FqSyntaxError(`cannot read the date ${value}`);
    }
    const d = dateMaths(rest, now);
    if (Number.isNaN(d.getTime())) throw new FqSyntaxError(`the date ${value} is out of range`);
    return d.toISOString();
  }
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new FqSyntaxError(`cannot read the date ${value}: use ISO 8601, * or NOW`);
  }
  return new Date(ms).toISOString();
}
