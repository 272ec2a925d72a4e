import type { ShowcaseStatus, ShowcaseType } from '../../platform/db/schema.js';

// The kinds of thing people build on the data, and the stages a submission goes through.

export const SHOWCASE_TYPES: readonly ShowcaseType[] = [
  'app',
  'story',
  'visualisation',
  'research',
];

export const TYPE_LABELS: Record<ShowcaseType, string> = {
  app: 'App',
  story: 'Story',
  visualisation: 'Visualisation',
  research: 'Research paper',
};

export const SHOWCASE_STATUSES: readonly ShowcaseStatus[] = ['pending', 'approved', 'rejected'];

export const STATUS_LABELS: Record<ShowcaseStatus, string> = {
  pending: 'Waiting for approval',
  approved: 'Published',
  rejected: 'Not approved',
};

/** At most this many datasets per showcase (a page lists them all). */
export const MAX_DATASETS = 20;

export const isShowcaseType = (value: string): value is ShowcaseType =>
  (SHOWCASE_TYPES as readonly string[]).includes(value);
