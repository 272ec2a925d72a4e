import { describe, expect, it } from 'vitest';
import { fitLine, forecastSeries, predict } from './forecast.js';

describe('the linear forecast', () => {
  // By hand: x̄ = 1.5, ȳ = 2.5, Sxx = 5, Sxy = 4, so slope 0.8 and intercept 1.3; residuals
  // −0.3, 0.9, −0.9, 0.3 give SSE 1.8 and s = √0.9. At x = 4: ŷ = 4.5 and the half-width is
  // 1.96 · √0.9 · √(1 + 1/4 + 2.5²/5) = 1.96 · √(0.9 · 2.5) = 1.96 · 1.5 = 2.94.
  it('fits least squares and gives the 95% prediction interval', () => {
    const fit = fitLine([0, 1, 2, 3], [1, 3, 2, 4]);
    expect(fit).not.toBeNull();
    if (!fit) return;
    expect(fit.slope).toBeCloseTo(0.8, 10);
    expect(fit.intercept).toBeCloseTo(1.3, 10);
    expect(fit.sxx).toBeCloseTo(5, 10);
    expect(fit.s).toBeCloseTo(Math.sqrt(0.9), 10);
    const p = predict(fit, 4);
    expect(p.value).toBeCloseTo(4.5, 10);
    expect(p.lower).toBeCloseTo(1.56, 10);
    expect(p.upper).toBeCloseTo(7.44, 10);
  });

  it('needs three points and some spread in time', () => {
    expect(fitLine([0, 1], [1, 2])).toBeNull();
    expect(fitLine([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  const yearly = [10, 20, 30, 40].map((value, i) => ({ date: `${2020 + i}-01-01`, value }));

  it('projects to the target date, one point a step, and says whether the target is met', () => {
    const f = forecastSeries(yearly, { date: '2025-01-01', value: 55 }, 'up');
    expect(f.method).toBe('linear');
    expect(f.points.map((p) => p.date)).toEqual(['2024-01-01', '2025-01-01']);
    // A straight line: about 50 a year after the last point and 60 two years after.
    expect(f.points[0]?.value).toBeCloseTo(50, 0);
    expect(f.projected_at_target?.value).toBeCloseTo(60, 0);
    expect(f.on_track).toBe(true);
    expect(forecastSeries(yearly, { date: '2025-01-01', value: 70 }, 'up').on_track).toBe(false);
    // Down is good: 60 is not at or below 55.
    expect(forecastSeries(yearly, { date: '2025-01-01', value: 55 }, 'down').on_track).toBe(false);
  });

  it('gives no forecast from two points', () => {
    const f = forecastSeries(yearly.slice(0, 2), { date: '2025-01-01', value: 55 }, 'up');
    expect(f).toEqual({ points: [], method: 'none', on_track: null, projected_at_target: null });
  });
});
