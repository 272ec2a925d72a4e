import { check, DIMENSIONS, INDICATORS, type Check, type Dimension } from './mqa-checks.js';
import type { DatasetInput } from './quality-input.js';

export { DIMENSIONS, type Check, type Dimension } from './mqa-checks.js';

// A dataset's metadata quality: the MQA's points per dimension, its total out of 405, and the
// MQA's rating bands.

export type Rating = 'excellent' | 'good' | 'sufficient' | 'bad';

export interface MetadataQuality {
  total: number;
  max: number;
  rating: Rating;
  dimensions: Record<Dimension, { points: number; max: number }>;
  checks: Check[];
}

/** The MQA's bands: excellent 351–405, good 221–350, sufficient 121–220, bad 0–120. */
export function ratingOf(total: number): Rating {
  if (total > 350) return 'excellent';
  if (total > 220) return 'good';
  if (total > 120) return 'sufficient';
  return 'bad';
}

export function metadataQuality(d: DatasetInput): MetadataQuality {
  const checks = INDICATORS.map((i) => check(i, d));
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((dim) => {
      const mine = checks.filter((c) => c.dimension === dim);
      const sum = (f: (c: Check) => number) => mine.reduce((n, c) => n + f(c), 0);
      return [dim, { points: sum((c) => c.points), max: sum((c) => c.max) }];
    }),
  ) as Record<Dimension, { points: number; max: number }>;
  const total = checks.reduce((n, c) => n + c.points, 0);
  const max = checks.reduce((n, c) => n + c.max, 0);
  return { total, max, rating: ratingOf(total), dimensions, checks };
}
