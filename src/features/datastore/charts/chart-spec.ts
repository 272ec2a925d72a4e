import type { TopLevelSpec } from 'vega-lite';
import type { Field } from '../field.js';
import type { QueryResult } from '../query.service.js';
import { CHART_AGGREGATES, CHART_TYPES, type ChartState } from './chart-params.js';

export interface ChartPoint extends Record<string, unknown> {
  x: unknown;
  y: unknown;
  g?: unknown;
}

const MARKS = { bar: 'bar', line: 'line', scatter: 'point', area: 'area' } as const;
const NUMERIC = new Set(['integer', 'decimal']);
const TEMPORAL = new Set(['date', 'timestamp']);
// Bucketed dates arrive as the bucket's first day (UTC): the axis labels whole buckets.
const TIME_UNITS = {
  day: 'utcyearmonthdate',
  week: 'utcyearweek',
  month: 'utcyearmonth',
  quarter: 'utcyearquarter',
  year: 'utcyear',
} as const;

/** The y axis in words: "Count of rows", "Sum of cost". */
export function measureTitle(state: ChartState): string {
  return state.agg === 'count' ? 'Count of rows' : `${CHART_AGGREGATES[state.agg]} of ${state.y}`;
}

export function xTitle(state: ChartState): string {
  return state.bucket ? `${state.x} (by ${state.bucket})` : state.x;
}

export function chartTitle(state: ChartState): string {
  const by = state.group ? ` and ${state.group}` : '';
  return `${measureTitle(state)} by ${xTitle(state)}${by}`;
}

/** The text alternative of the chart image, pointing to the table that holds its data. */
export function chartAlt(state: ChartState, points: number): string {
  return `${CHART_TYPES[state.type]} chart of ${chartTitle(state).toLowerCase()}, ${String(points)} points. The data is in the table below the chart.`;
}

/**
 * The query's rows as chart points. Keys are fixed (x, y, g), never the dataset's field names,
 * so no name from a file ever reaches an expression Vega evaluates.
 */
export function chartPoints(state: ChartState, result: QueryResult): ChartPoint[] {
  const xName = state.bucket ? `${state.x}_${state.bucket}` : state.x;
  return result.records.map((r) => ({
    x: r[xName] ?? null,
    y: r.value ?? null,
    ...(state.group ? { g: r[state.group] ?? null } : {}),
  }));
}

/** A Vega-Lite spec with the data inline: a saved chart is a file anyone can open again. */
export function chartSpec(state: ChartState, fields: Field[], points: ChartPoint[]): TopLevelSpec {
  const xType = fields.find((f) => f.name === state.x)?.type ?? 'text';
  const x = TEMPORAL.has(xType)
    ? ('temporal' as const)
    : NUMERIC.has(xType) && state.type !== 'bar'
      ? ('quantitative' as const)
      : state.type === 'bar' && NUMERIC.has(xType)
        ? ('ordinal' as const)
        : ('nominal' as const);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(state),
    description: chartAlt(state, points.length),
    width: 640,
    height: 320,
    data: { values: points },
    mark: {
      type: MARKS[state.type],
      tooltip: true,
      ...(state.type === 'line' ? { point: true } : {}),
    },
    encoding: {
      x: {
        field: 'x',
        type: x,
        title: xTitle(state),
        ...(state.bucket ? { timeUnit: TIME_UNITS[state.bucket] } : {}),
      },
      y: { field: 'y', type: 'quantitative', title: measureTitle(state) },
      ...(state.group ? { color: { field: 'g', type: 'nominal', title: state.group } } : {}),
    },
    config: { font: 'Arial, Helvetica, sans-serif' },
  };
}
