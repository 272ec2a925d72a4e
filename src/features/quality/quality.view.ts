import type { QualityScore } from '../../platform/db/schema.js';
import { ratingOf, type Check } from './mqa.js';
import type { Star } from './openness.js';
import type { OrganisationSummary } from './quality-aggregates.repository.js';

// Stored scores in the API's words (the pages use the same views).

const MAX = {
  findability: 100,
  accessibility: 100,
  interoperability: 110,
  reusability: 75,
  contextuality: 20,
};
const round1 = (n: number) => Math.round(n * 10) / 10;

export function datasetQualityView(
  dataset: { slug: string; title: string },
  s: QualityScore,
  now: Date,
) {
  const report = JSON.parse(s.report) as { openness: Star[]; checks: Check[] };
  return {
    dataset: { slug: dataset.slug, title: dataset.title },
    stars: s.stars,
    openness: report.openness,
    metadata: {
      total: s.total,
      max: 405,
      rating: ratingOf(s.total),
      dimensions: {
        findability: { points: s.findability, max: MAX.findability },
        accessibility: { points: s.accessibility, max: MAX.accessibility },
        interoperability: { points: s.interoperability, max: MAX.interoperability },
        reusability: { points: s.reusability, max: MAX.reusability },
        contextuality: { points: s.contextuality, max: MAX.contextuality },
      },
    },
    checks: report.checks,
    broken_links: s.broken_links,
    unchecked_links: s.unchecked_links,
    stale: s.due_by !== null && s.due_by < now.toISOString(),
    due_by: s.due_by,
    computed_at: s.computed_at,
  };
}

export type DatasetQualityView = ReturnType<typeof datasetQualityView>;

export function organisationScoreView(o: OrganisationSummary) {
  const mean = (sum: number) => (o.datasets === 0 ? 0 : round1(sum / o.datasets));
  const average = mean(o.total_sum);
  return {
    organisation: { slug: o.slug, name: o.name },
    datasets: o.datasets,
    average_stars: mean(o.stars_sum),
    average_score: average,
    rating: ratingOf(average),
    dimensions: {
      findability: mean(o.findability_sum),
      accessibility: mean(o.accessibility_sum),
      interoperability: mean(o.interoperability_sum),
      reusability: mean(o.reusability_sum),
      contextuality: mean(o.contextuality_sum),
    },
    broken_links: o.broken_links,
    stale_datasets: o.stale,
  };
}

export type OrganisationScoreView = ReturnType<typeof organisationScoreView>;

export function trendPointView(s: {
  day: string;
  datasets: number;
  stars_sum: number;
  total_sum: number;
  broken_links: number;
  stale: number;
}) {
  const mean = (sum: number) => (s.datasets === 0 ? 0 : round1(sum / s.datasets));
  return {
    day: s.day,
    datasets: s.datasets,
    average_stars: mean(s.stars_sum),
    average_score: mean(s.total_sum),
    broken_links: s.broken_links,
    stale_datasets: s.stale,
  };
}
