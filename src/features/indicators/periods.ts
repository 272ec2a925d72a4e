/**
 * A period as the first day it covers, 'YYYY-MM-DD'. Demo and real files often hold periods as
 * text ("2024-Q4", "2024-03", "2024"), which the datastore cannot bucket, so they are read here;
 * dates and timestamps (already bucketed by the query) keep their day. null: not a period.
 */
export function periodStart(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  let m = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (m) return `${m[1] ?? ''}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1] ?? ''}-${m[2] ?? ''}-01`;
  m = /^(\d{4})$/.exec(text);
  if (m) return `${m[1] ?? ''}-01-01`;
  m = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  return m?.[1] ?? null;
}

const DAY_MS = 86_400_000;

/** A date as fractional years since 1970, the x of the regression. */
export function yearsOf(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS / 365.25;
}

/** The date `months` after `date` (the series' step, for forecast points). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The usual gap between points in whole months (1, 3 or 12), from the dates themselves. */
export function stepMonths(dates: string[]): number {
  if (dates.length < 2) return 12;
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) {
    const a = new Date(`${dates[i - 1] ?? ''}T00:00:00Z`);
    const b = new Date(`${dates[i] ?? ''}T00:00:00Z`);
    gaps.push((b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth());
  }
  gaps.sort((x, y) => x - y);
  return Math.max(1, gaps[Math.floor(gaps.length / 2)] ?? 12);
}
