import type { PromiseStatus } from '../../platform/db/schema.js';
import type { Evidence } from '../../features/promises/index.js';

/**
 * A synthetic promise of the demo mayor. Days are counted from the day the mayor took office
 * (day 0), which the demo sets relative to the seed date, so the scorecard always looks live.
 */
export interface DemoPromise {
  slug: string;
  title: string;
  quote: string;
  source: { kind: 'manifesto' | 'speech' | 'press-release' | 'other'; day: number; path: string };
  theme: string;
  owner: string;
  deadline: { kind: 'date'; day: number } | { kind: 'days'; days: number } | { kind: 'none' };
  /** Demo indicators (by slug) that measure it, attached when they exist. */
  indicators: string[];
  /** 1-4 changes, in order, each dated by its day of the term (all before the seed date). */
  history: { day: number; to: PromiseStatus; why: string; evidence: Evidence[] }[];
}

// Documents and news are fictional, at example.org (a reserved domain that is never real);
// datasets are the demo's own, so a newcomer can follow the evidence to the data.
export const doc = (title: string, path: string): Evidence => ({
  title,
  url: `https://example.org/demo/${path}`,
  kind: 'document',
});
export const news = (title: string, path: string): Evidence => ({
  title,
  url: `https://example.org/demo/news/${path}`,
  kind: 'news',
});
export const data = (title: string, slug: string): Evidence => ({
  title,
  url: `/datasets/${slug}`,
  kind: 'dataset',
});

export const MANIFESTO = { kind: 'manifesto', day: -40, path: 'manifesto' } as const;
