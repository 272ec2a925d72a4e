import type { IndicatorRow } from '../../platform/db/schema.js';
import { forecastSeries } from './forecast.js';
import type { IndicatorQueryInput } from './indicator.schemas.js';
import type { IndicatorDetail, IndicatorSummary } from './indicator.types.js';
import type { IndicatorValues } from './indicator-values.js';
import { progressOf, suggestStatus } from './status.js';

export const queryOf = (row: IndicatorRow): IndicatorQueryInput =>
  JSON.parse(row.query) as IndicatorQueryInput;

export const indicatorPath = (slug: string) => `/indicators/${encodeURIComponent(slug)}`;

/** The indicator's definition and its computed values put together: latest, forecast, status. */
export function summarise(row: IndicatorRow, values: IndicatorValues): IndicatorSummary {
  const baseline = { value: row.baseline_value, date: row.baseline_date };
  const target = { value: row.target_value, date: row.target_date };
  const { series } = values;
  const latest = series.at(-1) ?? null;
  const before = series.at(-2);
  const forecast = forecastSeries(
    series,
    target,
    row.direction,
    row.unit === '%' ? [0, 100] : null,
  );
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    resource_id: row.resource_id,
    version: values.version,
    promise_id: row.promise_id,
    baseline,
    target,
    latest,
    change: latest && before ? latest.value - before.value : null,
    series,
    forecast,
    progress: progressOf(baseline, target, latest),
    suggested_status: suggestStatus(baseline, target, row.direction, latest, forecast),
    sparkline_svg_url: `${indicatorPath(row.slug)}/sparkline.svg`,
    url: indicatorPath(row.slug),
  };
}

export function detail(row: IndicatorRow, values: IndicatorValues): IndicatorDetail {
  const query = queryOf(row);
  return {
    ...summarise(row, values),
    query,
    group_field: query.group ?? null,
    groups: values.groups,
    sql: null,
    sql_url: null,
  };
}
