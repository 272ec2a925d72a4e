import { meets } from './forecast.js';
import type { DatedValue, Direction, Forecast, SuggestedStatus } from './indicator.types.js';

/** How far the latest value has come from the baseline towards the target, clamped to 0..1. */
export function progressOf(
  baseline: DatedValue,
  target: DatedValue,
  latest: DatedValue | null,
): number | null {
  if (!latest) return null;
  const span = target.value - baseline.value;
  if (span === 0) return latest.value === target.value ? 1 : 0;
  return Math.min(1, Math.max(0, (latest.value - baseline.value) / span));
}

/**
 * The status an indicator suggests for its promise:
 * - not-yet-rated: no value yet, or none after the baseline date;
 * - kept: the latest value has reached the target;
 * - in-the-works: the forecast reaches the target by its date (or, with too few points to
 *   forecast, the latest value is better than the baseline);
 * - stalled: the forecast misses the target, or no forecast and no improvement on the baseline.
 */
export function suggestStatus(
  baseline: DatedValue,
  target: DatedValue,
  direction: Direction,
  latest: DatedValue | null,
  forecast: Forecast,
): SuggestedStatus {
  if (!latest || latest.date <= baseline.date) return 'not-yet-rated';
  if (meets(latest.value, target.value, direction)) return 'kept';
  if (forecast.on_track !== null) return forecast.on_track ? 'in-the-works' : 'stalled';
  const better = direction === 'up' ? latest.value > baseline.value : latest.value < baseline.value;
  return better ? 'in-the-works' : 'stalled';
}

/**
 * One status from several indicators of a promise: kept when all are kept, stalled when any is
 * stalled, otherwise in the works when any is; not yet rated when none has a value.
 */
export function combineStatuses(statuses: SuggestedStatus[]): SuggestedStatus {
  const rated = statuses.filter((s) => s !== 'not-yet-rated');
  if (rated.length === 0) return 'not-yet-rated';
  if (rated.every((s) => s === 'kept')) return 'kept';
  if (rated.includes('stalled')) return 'stalled';
  return 'in-the-works';
}
