import type { Field } from '../field.js';
import type { QueryInput } from '../query.schemas.js';
import type { FormError, RawQuery } from '../pages/table/table-params.js';

export const CHART_TYPES = { bar: 'Bar', line: 'Line', scatter: 'Scatter', area: 'Area' } as const;
export const CHART_AGGREGATES = {
  count: 'Count of rows',
  sum: 'Sum',
  avg: 'Average',
  min: 'Lowest',
  max: 'Highest',
  median: 'Median',
} as const;
export const CHART_BUCKETS = {
  '': 'Each value',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
} as const;
/** A chart of more points than this is unreadable, and its table too long. */
export const MAX_POINTS = 1000;

export type ChartType = keyof typeof CHART_TYPES;
export type ChartAggregate = keyof typeof CHART_AGGREGATES;
export type ChartBucket = keyof typeof CHART_BUCKETS;

export interface ChartState {
  type: ChartType;
  x: string;
  bucket: ChartBucket;
  agg: ChartAggregate;
  y: string;
  group: string;
}

const NUMERIC = new Set(['integer', 'decimal']);
const TEMPORAL = new Set(['date', 'timestamp']);
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? '';
const pick = <T extends string>(value: string, allowed: Record<T, string>, fallback: T): T =>
  value in allowed ? (value as T) : fallback;

/** A sensible first chart: rows counted by month of the first date, else by the first text. */
function defaultX(fields: Field[]): Field | undefined {
  return (
    fields.find((f) => TEMPORAL.has(f.type)) ??
    fields.find((f) => f.type === 'text' && !f.geometry) ??
    fields.find((f) => !f.geometry)
  );
}

/** The chart's state from its URL: what a shared link reproduces. */
export function chartStateOf(query: RawQuery, fields: Field[]): ChartState {
  const first = Object.keys(query).length === 0 ? defaultX(fields) : undefined;
  const x = first?.name ?? one(query.x);
  const xField = fields.find((f) => f.name === x);
  const bucket =
    first && TEMPORAL.has(first.type) ? 'month' : pick(one(query.bucket), CHART_BUCKETS, '');
  return {
    type: pick(one(query.type), CHART_TYPES, 'bar'),
    x,
    // A bucket only means something for dates and times.
    bucket: xField && TEMPORAL.has(xField.type) ? bucket : '',
    agg: pick(one(query.agg), CHART_AGGREGATES, 'count'),
    y: one(query.y),
    group: one(query.group),
  };
}

/** Mistakes in the choices, for the error summary (the form's own ids as links). */
export function checkChart(state: ChartState, fields: Field[]): FormError[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const errors: FormError[] = [];
  if (!byName.has(state.x)) errors.push({ text: 'Choose the field for the x axis', href: '#x' });
  if (state.agg !== 'count') {
    const y = byName.get(state.y);
    if (!y) {
      errors.push({ text: 'Choose the field to calculate the y axis from', href: '#y' });
    } else if (!NUMERIC.has(y.type)) {
      errors.push({
        text: `${CHART_AGGREGATES[state.agg]} needs a number field; ${y.name} is ${y.type}`,
        href: '#y',
      });
    }
  }
  if (state.group && !byName.has(state.group)) {
    errors.push({ text: 'Choose a field to colour by, or none', href: '#group' });
  } else if (state.group && state.group === state.x) {
    errors.push({ text: 'Colour by a different field from the x axis', href: '#group' });
  }
  return errors;
}

/** The aggregate query behind the chart: one row per x value (and colour), one value each. */
export function chartQuery(state: ChartState): QueryInput {
  return {
    group_by: [
      state.bucket ? { field: state.x, bucket: state.bucket } : state.x,
      ...(state.group ? [state.group] : []),
    ],
    aggregates: [
      state.agg === 'count'
        ? { fn: 'count', as: 'value' }
        : { fn: state.agg, field: state.y, as: 'value' },
    ],
    limit: MAX_POINTS,
  };
}

/** The state as URL parameters, for the image, spec and share links. */
export function chartParams(state: ChartState): string {
  const p = new URLSearchParams({ type: state.type, x: state.x });
  if (state.bucket) p.set('bucket', state.bucket);
  p.set('agg', state.agg);
  if (state.agg !== 'count' && state.y) p.set('y', state.y);
  if (state.group) p.set('group', state.group);
  return p.toString();
}
