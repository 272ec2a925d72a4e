import { describe, expect, it } from 'vitest';
import type { Forecast } from './indicator.types.js';
import { combineStatuses, progressOf, suggestStatus } from './status.js';

const baseline = { date: '2020-01-01', value: 20 };
const target = { date: '2026-01-01', value: 60 };
const forecast = (onTrack: boolean | null): Forecast => ({
  points: [],
  method: onTrack === null ? 'none' : 'linear',
  on_track: onTrack,
  projected_at_target: null,
});

describe('progress and the suggested status', () => {
  it('measures progress from baseline to target, clamped', () => {
    expect(progressOf(baseline, target, { date: '2024-01-01', value: 30 })).toBeCloseTo(0.25);
    expect(progressOf(baseline, target, { date: '2024-01-01', value: 80 })).toBe(1);
    expect(progressOf(baseline, target, { date: '2024-01-01', value: 10 })).toBe(0);
    expect(progressOf(baseline, target, null)).toBeNull();
  });

  it('suggests kept, in the works, stalled or not yet rated', () => {
    const at = (value: number) => ({ date: '2024-01-01', value });
    expect(suggestStatus(baseline, target, 'up', null, forecast(null))).toBe('not-yet-rated');
    expect(suggestStatus(baseline, target, 'up', at(61), forecast(false))).toBe('kept');
    expect(suggestStatus(baseline, target, 'up', at(40), forecast(true))).toBe('in-the-works');
    expect(suggestStatus(baseline, target, 'up', at(40), forecast(false))).toBe('stalled');
    expect(suggestStatus(baseline, target, 'up', at(25), forecast(null))).toBe('in-the-works');
    const lower = { date: '2026-01-01', value: 10 };
    expect(suggestStatus(baseline, lower, 'down', at(25), forecast(null))).toBe('stalled');
  });

  it('combines a promise’s indicators', () => {
    expect(combineStatuses([])).toBe('not-yet-rated');
    expect(combineStatuses(['kept', 'kept', 'not-yet-rated'])).toBe('kept');
    expect(combineStatuses(['kept', 'in-the-works'])).toBe('in-the-works');
    expect(combineStatuses(['in-the-works', 'stalled'])).toBe('stalled');
  });
});
