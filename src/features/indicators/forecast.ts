import { addMonths, stepMonths, yearsOf } from './periods.js';
import type { DatedValue, Direction, Forecast, ForecastPoint } from './indicator.types.js';

export interface LinearFit {
  n: number;
  slope: number;
  intercept: number;
  /** Residual standard error, sqrt(SSE / (n - 2)). */
  s: number;
  xMean: number;
  /** Σ(x − x̄)². */
  sxx: number;
}

/** Ordinary least squares of y on x; null with fewer than 3 points or no spread in x. */
export function fitLine(xs: number[], ys: number[]): LinearFit | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const xMean = xs.reduce((a, b) => a + b, 0) / n;
  const yMean = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - xMean;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - yMean);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = (ys[i] ?? 0) - (intercept + slope * (xs[i] ?? 0));
    sse += r * r;
  }
  return { n, slope, intercept, s: Math.sqrt(sse / (n - 2)), xMean, sxx };
}

/**
 * The fitted value at x with its 95% prediction interval for one new observation:
 * ŷ ± 1.96·s·√(1 + 1/n + (x − x̄)²/Sxx). 1.96 (normal) rather than Student's t keeps the band
 * simple to explain; with the 8-20 points of a quarterly series it is a little narrow.
 */
export function predict(
  fit: LinearFit,
  x: number,
): { value: number; lower: number; upper: number } {
  const value = fit.intercept + fit.slope * x;
  const half = 1.96 * fit.s * Math.sqrt(1 + 1 / fit.n + (x - fit.xMean) ** 2 / fit.sxx);
  return { value, lower: value - half, upper: value + half };
}

/** Whether a value meets the target in the good direction. */
export const meets = (value: number, target: number, direction: Direction): boolean =>
  direction === 'up' ? value >= target : value <= target;

/**
 * A linear forecast from the last point to the target date, one point per step of the series
 * (and one at the target date itself). onTrack compares the projection at the target date with
 * the target; a target date already passed is judged by the latest value instead.
 */
export function forecastSeries(
  series: DatedValue[],
  target: DatedValue,
  direction: Direction,
  bounds: [number, number] | null = null,
): Forecast {
  const none: Forecast = { points: [], method: 'none', on_track: null, projected_at_target: null };
  const last = series.at(-1);
  const fit = fitLine(
    series.map((p) => yearsOf(p.date)),
    series.map((p) => p.value),
  );
  if (!fit || !last) return none;
  // A share cannot go past 0 or 100: the line and its band are cut there.
  const clamp = (v: number) => (bounds ? Math.min(bounds[1], Math.max(bounds[0], v)) : v);
  const at = (date: string): ForecastPoint => {
    const p = predict(fit, yearsOf(date));
    return { date, value: clamp(p.value), lower: clamp(p.lower), upper: clamp(p.upper) };
  };
  const step = stepMonths(series.map((p) => p.date));
  const points: ForecastPoint[] = [];
  // At most 20 years of steps: a far target must not make thousands of points.
  for (let d = addMonths(last.date, step), i = 0; d < target.date && i < 240; i++) {
    points.push(at(d));
    d = addMonths(d, step);
  }
  if (target.date > last.date) points.push(at(target.date));
  const projected = target.date > last.date ? at(target.date) : null;
  return {
    points,
    method: 'linear',
    on_track: projected
      ? meets(projected.value, target.value, direction)
      : meets(last.value, target.value, direction),
    projected_at_target: projected,
  };
}
