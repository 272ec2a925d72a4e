/** When a demo promise falls due: on a day of the term, days after it was made, or never. */
export type Deadline =
  { kind: 'date'; day: number } | { kind: 'days'; days: number } | { kind: 'none' };

export const byDay = (day: number): Deadline => ({ kind: 'date', day });
/** The dated promises "by the end of my term" fall due a few days before it ends. */
export const END_OF_TERM = byDay(1450);
export const withinDays = (days: number): Deadline => ({ kind: 'days', days });
export const NO_DEADLINE: Deadline = { kind: 'none' };
