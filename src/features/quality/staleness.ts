// A dataset is stale when it has not changed for longer than its update frequency promises,
// with a grace of half a period (a monthly dataset updated on the 5th rather than the 1st is
// not late). Continual, irregular and never-updated datasets cannot be late.

const DAY = 86_400_000;
const PERIOD_DAYS: Record<string, number> = {
  daily: 1,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  biannual: 183,
  annual: 366,
};

/** The date after which the dataset counts as stale, or null when it cannot be. */
export function dueBy(frequency: string | null, modifiedAt: string): Date | null {
  const days = frequency ? PERIOD_DAYS[frequency] : undefined;
  if (days === undefined) return null;
  return new Date(Date.parse(modifiedAt) + days * 1.5 * DAY);
}

export function isStale(frequency: string | null, modifiedAt: string, now: Date): boolean {
  const due = dueBy(frequency, modifiedAt);
  return due !== null && due.getTime() < now.getTime();
}
