// The response target counts working days as FOI does: Monday to Friday. Bank holidays are not
// left out (the region's calendar is not known here): docs/configuration.md says so.

const DAY_MS = 86_400_000;

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** YYYY-MM-DD of a date (UTC). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The date `days` working days after `from`'s day (a weekend day starts from the Monday). */
export function addWorkingDays(from: Date, days: number): Date {
  let d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d = new Date(d.getTime() + DAY_MS);
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}

/** The day a request made at `createdAt` should be answered by. */
export const responseDue = (createdAt: string, days: number): string =>
  isoDay(addWorkingDays(new Date(createdAt), days));

/**
 * The first day whose requests are not overdue `today`: requests created before it are. Due
 * dates only grow with the creation day, so the overdue days are those before one cut-off,
 * which a query can compare with.
 */
export function overdueCutoff(today: Date, days: number): string {
  const todayIso = isoDay(today);
  let d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  for (;;) {
    const before = new Date(d.getTime() - DAY_MS);
    if (isoDay(addWorkingDays(before, days)) < todayIso) return isoDay(d);
    d = before;
  }
}

/** Working days from `from`'s day to `to`'s: the weekdays after the first day, up to the last. */
export function workingDaysBetween(from: Date, to: Date): number {
  const last = isoDay(to);
  let d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let days = 0;
  for (;;) {
    d = new Date(d.getTime() + DAY_MS);
    if (isoDay(d) > last) return days;
    if (!isWeekend(d)) days += 1;
  }
}
