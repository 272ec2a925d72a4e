// The mayor's term: "taking office" is the region's `mayorTermStart` setting (an ISO date).
// Dates are calendar days in UTC, so "day N" does not move with the server's time zone.

const DAY_MS = 86_400_000;

const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const todayIso = (at: Date = new Date()): string => at.toISOString().slice(0, 10);

/** Day 1 is the day of taking office; before it, 0 or less. */
export function dayOfTerm(termStart: string, today: string): number {
  return dayNumber(today) - dayNumber(termStart) + 1;
}

/** "Within N days of taking office" ends N days after the first day. */
export function dueDateWithinDays(termStart: string, days: number): string {
  return isoOfDay(dayNumber(termStart) + days);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  isoOfDay(dayNumber(value)) === value;

export interface Deadline {
  kind: 'date' | 'days' | 'none';
  date: string | null;
  days: number | null;
}

/** The date a deadline falls due (null without one, or without a known term start). */
export function dueDate(deadline: Deadline, termStart: string | null): string | null {
  if (deadline.kind === 'date') return deadline.date;
  if (deadline.kind === 'days' && deadline.days !== null && termStart) {
    return dueDateWithinDays(termStart, deadline.days);
  }
  return null;
}
