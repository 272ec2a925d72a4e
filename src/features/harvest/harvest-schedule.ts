import { CronExpressionParser } from 'cron-parser';
import type { FieldError } from '../../platform/errors.js';

// When a source runs: every so many minutes, at the times of a cron expression (UTC), or only
// when asked. Either way runs are at least MIN_INTERVAL_MINUTES apart, as portals are not to be
// polled hard.

/** The shortest time between scheduled runs. */
export const MIN_INTERVAL_MINUTES = 15;
/** The longest interval: a year. */
export const MAX_INTERVAL_MINUTES = 525_600;

export interface Schedule {
  intervalMinutes: number | null;
  cron: string | null;
}

const FIELDS = 'minute, hour, day of month, month, day of week';
const DAY = 1440;

const parse = (expression: string, from = new Date()) =>
  CronExpressionParser.parse(expression, { currentDate: from, tz: 'UTC' });

/**
 * The shortest time, in minutes, between two runs of a valid expression. Every day it runs it
 * runs at each hour × minute, so the gaps within a day are exact; the gap from a day's last
 * run to the next day's first counts only if two days in a row can run (checked over the
 * next 400 run days: a year, so only a leap day can escape it).
 */
function shortestGap(expression: string): number {
  const { fields } = parse(expression);
  const times = fields.hour.values
    .flatMap((h) => fields.minute.values.map((m) => h * 60 + m))
    .sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, (times[i] ?? 0) - (times[i - 1] ?? 0));
  const wrap = (times[0] ?? 0) + DAY - (times[times.length - 1] ?? 0);
  // Only a wrap shorter than the minimum matters, and only on two days in a row.
  if (wrap >= gap || wrap >= MIN_INTERVAL_MINUTES) return Math.min(gap, wrap);
  const [, , dom = '*', month = '*', dow = '*'] = expression.trim().split(/\s+/);
  const days = parse(`0 0 ${dom} ${month} ${dow}`);
  let previous = days.next().getTime();
  for (let i = 0; i < 400; i++) {
    const day = days.next().getTime();
    if (day - previous === DAY * 60_000) return wrap;
    previous = day;
  }
  return gap;
}

/** Why the expression cannot be a source's schedule, or null when it can. */
export function cronProblem(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '') {
    return `must have 5 fields (${FIELDS}), like "0 6 * * *"; "${expression}" has ${String(
      parts[0] === '' ? 0 : parts.length,
    )}`;
  }
  try {
    parse(expression).next();
  } catch (err) {
    return `"${expression}" is not a cron expression (${FIELDS}): ${(err as Error).message}`;
  }
  const gap = shortestGap(expression);
  if (gap < MIN_INTERVAL_MINUTES) {
    return `"${expression}" runs ${String(gap)} minutes apart; runs must be at least ${String(
      MIN_INTERVAL_MINUTES,
    )} minutes apart`;
  }
  return null;
}

/** What is wrong with a schedule, by API field name. */
export function scheduleErrors(s: Schedule): FieldError[] {
  const errors: FieldError[] = [];
  const interval = s.intervalMinutes;
  if (
    interval !== null &&
    (!Number.isInteger(interval) ||
      interval < MIN_INTERVAL_MINUTES ||
      interval > MAX_INTERVAL_MINUTES)
  ) {
    errors.push({
      field: 'interval_minutes',
      message: `must be a whole number of minutes, at least ${String(MIN_INTERVAL_MINUTES)}`,
    });
  }
  if (s.cron !== null) {
    const problem = cronProblem(s.cron);
    if (problem) errors.push({ field: 'cron', message: problem });
    if (interval !== null) {
      errors.push({ field: 'cron', message: 'give interval_minutes or cron, not both' });
    }
  }
  return errors;
}

/** The next run strictly after `at`: null for runs by hand only. */
export function nextRunAfter(s: Schedule, at: Date): string | null {
  if (s.cron !== null) return parse(s.cron, at).next().toISOString();
  if (s.intervalMinutes !== null) {
    return new Date(at.getTime() + s.intervalMinutes * 60_000).toISOString();
  }
  return null;
}

/**
 * The first run of a new (or re-enabled) source: an interval's at once (the next look at the
 * schedule), a cron expression's at its next time.
 */
export function firstRunAt(s: Schedule, at: Date): string | null {
  if (s.cron === null && s.intervalMinutes !== null) return at.toISOString();
  return nextRunAfter(s, at);
}

/** A cron expression as stored: single spaces between its fields. */
export const tidyCron = (expression: string | null | undefined): string | null =>
  expression === null || expression === undefined
    ? null
    : expression.trim().split(/\s+/).join(' ') || null;
