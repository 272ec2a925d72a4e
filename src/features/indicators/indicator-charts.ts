import type { TopLevelSpec } from 'vega-lite';
import type { GroupSeries, IndicatorSummary } from './indicator.types.js';

// Vega-Lite specs of an indicator, with the data inline under fixed keys (date, value, group),
// so no name from a file reaches an expression Vega evaluates.

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const config = { font: 'Arial, Helvetica, sans-serif' };
const yTitle = (s: IndicatorSummary) => (s.unit ? `${s.title} (${s.unit})` : s.title);

/** The series, its forecast as a dashed line inside a shaded 95% band, and the target. */
export function seriesSpec(s: IndicatorSummary): TopLevelSpec {
  const last = s.latest;
  const forecast = last
    ? [{ ...last, lower: last.value, upper: last.value }, ...s.forecast.points]
    : [];
  const x = { field: 'date', type: 'temporal' as const, title: 'Date' };
  return {
    $schema: SCHEMA,
    title: s.title,
    description: `Line chart of ${s.title}: the data, a forecast with its uncertainty, and the target.`,
    width: 640,
    height: 300,
    layer: [
      {
        data: { values: forecast },
        mark: { type: 'area', opacity: 0.2, color: '#1d70b8' },
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
      },
      {
        data: { values: forecast },
        mark: { type: 'line', strokeDash: [6, 4], color: '#1d70b8' },
        encoding: { x, y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: s.series },
        mark: { type: 'line', point: true, color: '#0b0c0c' },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle(s) } },
      },
      {
        data: { values: [s.target] },
        mark: { type: 'point', shape: 'diamond', size: 120, filled: true, color: '#00703c' },
        encoding: { x, y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: [s.target] },
        mark: { type: 'rule', strokeDash: [2, 2], color: '#00703c' },
        encoding: { y: { field: 'value', type: 'quantitative' } },
      },
    ],
    config,
  };
}

/** The groups ranked by their latest value, best first. */
export function rankedGroups(s: IndicatorSummary, groups: GroupSeries[]) {
  const sign = s.direction === 'up' ? -1 : 1;
  return groups
    .filter((g) => g.latest !== null)
    .map((g) => ({ group: g.group, value: g.latest?.value ?? 0, date: g.latest?.date ?? '' }))
    .sort((a, b) => sign * (a.value - b.value) || a.group.localeCompare(b.group));
}

export function barSpec(s: IndicatorSummary, groups: GroupSeries[], by: string): TopLevelSpec {
  const ranked = rankedGroups(s, groups);
  return {
    $schema: SCHEMA,
    title: `${s.title}: latest value by ${by}`,
    width: 560,
    height: { step: 24 },
    data: { values: ranked },
    mark: { type: 'bar', color: '#1d70b8' },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: null, title: null },
      x: { field: 'value', type: 'quantitative', title: yTitle(s) },
    },
    config,
  };
}

export function linesSpec(s: IndicatorSummary, groups: GroupSeries[]): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: `${s.title} over time`,
    width: 640,
    height: 320,
    data: { values: groups.flatMap((g) => g.series.map((p) => ({ ...p, group: g.group }))) },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'date', type: 'temporal', title: 'Date' },
      y: { field: 'value', type: 'quantitative', title: yTitle(s) },
      color: { field: 'group', type: 'nominal', title: null },
    },
    config,
  };
}

export interface Area {
  name: string;
  /** A GeoJSON geometry (the organisation's boundary). */
  geometry: unknown;
  value: number | null;
}

/** A choropleth of the areas, darker for a higher value, on their own boundaries. */
export function mapSpec(s: IndicatorSummary, areas: Area[]): TopLevelSpec {
  const features = areas.map((a) => ({
    type: 'Feature',
    geometry: a.geometry,
    properties: { name: a.name, value: a.value },
  }));
  return {
    $schema: SCHEMA,
    title: `${s.title}: latest value by area`,
    width: 520,
    height: 420,
    data: { values: features, format: { type: 'json' } },
    projection: { type: 'mercator' },
    mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      color: {
        field: 'properties.value',
        type: 'quantitative',
        title: s.unit || 'Value',
        scale: { scheme: 'blues' },
      },
    },
    config,
  };
}
