import type { PromiseStatus } from '../../platform/db/schema.js';
import type { Evidence } from '../../features/promises/index.js';
import type { StatusChange } from './demo-promise.js';

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

/** `status(day, why, ...evidence)`: the promise moved to that status on that day of the term. */
const changeTo =
  (to: PromiseStatus) =>
  (day: number, why: string, ...evidence: Evidence[]): StatusChange => ({ day, to, why, evidence });
export const inTheWorks = changeTo('in-the-works');
export const stalled = changeTo('stalled');
export const compromise = changeTo('compromise');
export const kept = changeTo('kept');
export const broken = changeTo('broken');
