import { describe, expect, it } from 'vitest';
import type { IndicatorDetail } from '../../indicator.types.js';
import { changeText, outlook, withUnit } from './indicator.view.js';

const base: IndicatorDetail = {
  slug: 'fibre',
  title: 'Fibre',
  description: '',
  unit: '%',
  direction: 'up',
  resource_id: 'r',
  version: 1,
  promise_id: null,
  baseline: { date: '2024-01-01', value: 20 },
  target: { date: '2026-01-01', value: 60 },
  latest: { date: '2024-07-01', value: 30 },
  change: 4.25,
  series: [
    { date: '2024-01-01', value: 20 },
    { date: '2024-04-01', value: 25.75 },
    { date: '2024-07-01', value: 30 },
  ],
  forecast: {
    points: [],
    method: 'linear',
    on_track: false,
    projected_at_target: { date: '2026-01-01', value: 55, lower: 50, upper: 60.04 },
  },
  progress: 0.25,
  suggested_status: 'stalled',
  sparkline_svg_url: '',
  url: '/indicators/fibre',
  query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' } },
  group_field: null,
  groups: [],
  sql: null,
  sql_url: null,
};

describe('the indicator page in words', () => {
  it('writes values with their units and the change in points', () => {
    expect(withUnit(70.07, '%')).toBe('70.1%');
    expect(withUnit(3214, 'enrolments')).toBe('3,214 enrolments');
    expect(changeText(base)).toBe('up 4.3 points since 1 April 2024');
  });

  it('explains the forecast and its range, and drops a range cut to nothing', () => {
    expect(outlook(base)).toContain('about 55%, against a target of 60% by 1 January 2026');
    expect(outlook(base)).toContain('between 50% and 60% 19 times in 20');
    const capped = {
      ...base,
      forecast: {
        ...base.forecast,
        projected_at_target: { date: '2026-01-01', value: 100, lower: 100, upper: 100 },
      },
    };
    expect(outlook(capped)).not.toContain('19 times in 20');
  });
});
