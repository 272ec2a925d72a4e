import type { QualityScore } from '../../platform/db/schema.js';
import {
  inTimePercent,
  judgedOf,
  NO_FIGURES,
  overallScore,
  type RequestFigures,
} from './body-responsiveness.js';
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

/** A body's data requests: open, overdue, how fast and how often in time it answers. */
export function responsivenessView(f: RequestFigures) {
  return {
    open_requests: f.open,
    overdue_requests: f.overdue,
    answered_requests: f.answered,
    median_working_days: f.median_days === null ? null : round1(f.median_days),
    answered_in_time_percent: inTimePercent(judgedOf(f), f.answered_in_time),
  };
}

export function organisationScoreView(o: OrganisationSummary, requests = NO_FIGURES) {
  const mean = (sum: number) => (o.datasets === 0 ? 0 : round1(sum / o.datasets));
  const average = mean(o.total_sum);
  const responsiveness = responsivenessView(requests);
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
    responsiveness,
    overall_score: overallScore(average, responsiveness.answered_in_time_percent),
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
  open_requests: number;
  overdue_requests: number;
  judged_requests: number;
  in_time_requests: number;
}) {
  const mean = (sum: number) => (s.datasets === 0 ? 0 : round1(sum / s.datasets));
  return {
    day: s.day,
    datasets: s.datasets,
    average_stars: mean(s.stars_sum),
    average_score: mean(s.total_sum),
    broken_links: s.broken_links,
    stale_datasets: s.stale,
    open_requests: s.open_requests,
    overdue_requests: s.overdue_requests,
    answered_in_time_percent: inTimePercent(s.judged_requests, s.in_time_requests),
  };
}
