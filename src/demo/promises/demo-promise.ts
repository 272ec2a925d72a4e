import type { PromiseStatus } from '../../platform/db/schema.js';
import type { Evidence } from '../../features/promises/index.js';
import type { Deadline } from './deadlines.js';

/**
 * A synthetic promise of the demo mayor. Days are counted from the day the mayor took office
 * (day 0): the region's term start, so histories line up with the demo data's dates.
 */
export interface DemoPromise {
  slug: string;
  title: string;
  quote: string;
  source: { kind: 'manifesto' | 'speech' | 'press-release' | 'other'; day: number; path: string };
  theme: string;
  owner: string;
  deadline: Deadline;
  /** Demo indicators (by slug) that measure it, attached when they exist. */
  indicators?: string[];
  /** 1-4 changes, in order, each dated by its day of the term (all before the seed date). */
  history: StatusChange[];
}

export interface StatusChange {
  day: number;
  to: PromiseStatus;
  why: string;
  evidence: Evidence[];
}

// Where a promise was made: each kind of source has its own folder of the fictional site.
export const MANIFESTO = { kind: 'manifesto', day: -40, path: 'manifesto' } as const;
export const speech = (day: number, name: string) =>
  ({ kind: 'speech', day, path: `speeches/${name}` }) as const;
export const pressRelease = (day: number, name: string) =>
  ({ kind: 'press-release', day, path: `press/${name}` }) as const;
