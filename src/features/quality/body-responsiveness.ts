import type { AppContext } from '../../context.js';

// How quickly a body answers the data requests made to it. The data requests sit above this
// feature, so it asks through this port and app.ts hands the answer in (data-requests'
// `bodyResponsiveness`); without it no body has requests.

/** One body's requests, as counted by the data requests (public requests only). */
export interface RequestFigures {
  /** Awaiting a decision now. */
  open: number;
  /** Of those, past the response target. */
  overdue: number;
  /** Made in the last 12 months and answered (a decision given). */
  answered: number;
  /** Of those, answered on or before their due day. */
  answered_in_time: number;
  /** Median working days from a request to its first decision, over `answered`; null: none. */
  median_days: number | null;
}

/** The figures of these bodies (a body without requests may be left out). */
export type BodyResponsiveness = (
  ctx: AppContext,
  organisationIds: readonly string[],
  now: Date,
) => Promise<ReadonlyMap<string, RequestFigures>>;

export const noRequests: BodyResponsiveness = () => Promise.resolve(new Map());

export const NO_FIGURES: RequestFigures = {
  open: 0,
  overdue: 0,
  answered: 0,
  answered_in_time: 0,
  median_days: null,
};

/**
 * Share (0-100) of the requests whose timeliness is known that were answered in time: the
 * answered ones count in time or late, an overdue one late (however old, so ignoring a request
 * never helps); null when none is known, so a body without requests is not penalised.
 */
export function inTimePercent(judged: number, inTime: number): number | null {
  return judged === 0 ? null : Math.round((inTime / judged) * 1000) / 10;
}

/** The requests whose timeliness is known: answered (last 12 months) or overdue now. */
export const judgedOf = (f: RequestFigures): number => f.answered + f.overdue;

/** Weight of the responsiveness in the overall score, when the body has a known one. */
export const RESPONSIVENESS_WEIGHT = 0.2;

/**
 * The overall score (0-100) that ranks the league: the metadata score as a percentage of its
 * 405 points, 80%, and the responsiveness, 20%; without a responsiveness, the metadata alone.
 */
export function overallScore(averageScore: number, responsiveness: number | null): number {
  const metadata = (averageScore / 405) * 100;
  const overall =
    responsiveness === null
      ? metadata
      : (1 - RESPONSIVENESS_WEIGHT) * metadata + RESPONSIVENESS_WEIGHT * responsiveness;
  return Math.round(overall * 10) / 10;
}
