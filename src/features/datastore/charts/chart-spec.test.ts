import { describe, expect, it } from 'vitest';
import type { Field } from '../field.js';
import { chartQuery, chartStateOf, checkChart } from './chart-params.js';
import { chartSpec } from './chart-spec.js';

const fields: Field[] = [
  { name: 'reported_on', type: 'date' },
  { name: '"]+alert(1)+["', type: 'text' },
  { name: 'cost', type: 'decimal' },
];

describe('the chart', () => {
  it('starts as a count by month of the first date', () => {
    const state = chartStateOf({}, fields);
    expect(state).toMatchObject({ type: 'bar', x: 'reported_on', bucket: 'month', agg: 'count' });
    expect(chartQuery(state)).toMatchObject({
      group_by: [{ field: 'reported_on', bucket: 'month' }],
      aggregates: [{ fn: 'count', as: 'value' }],
    });
  });

  it('keeps the file’s field names out of the spec’s data keys and expressions', () => {
    const state = chartStateOf(
      {
        type: 'line',
        x: 'reported_on',
        bucket: 'week',
        agg: 'sum',
        y: 'cost',
        group: fields[1]?.name,
      },
      fields,
    );
    expect(checkChart(state, fields)).toEqual([]);
    const spec = chartSpec(state, fields, [{ x: '2024-01-01', y: 3, g: 'a' }]);
    expect(spec).toMatchObject({
      mark: { type: 'line' },
      encoding: {
        x: { field: 'x', type: 'temporal', timeUnit: 'utcyearweek' },
        y: { field: 'y', title: 'Sum of cost' },
        color: { field: 'g', title: '"]+alert(1)+["' },
      },
    });
  });

  it('asks for a number to sum, and ignores buckets for text', () => {
    const state = chartStateOf(
      { x: 'cost', bucket: 'month', agg: 'sum', y: 'reported_on' },
      fields,
    );
    expect(state.bucket).toBe('');
    expect(checkChart(state, fields).map((e) => e.href)).toEqual(['#y']);
  });
});
