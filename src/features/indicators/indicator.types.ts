import type { IndicatorQueryInput } from './indicator.schemas.js';

// The indicator as the rest of the platform sees it (promises, dashboards, the API).

export type Direction = 'up' | 'down';
export type SuggestedStatus = 'kept' | 'in-the-works' | 'stalled' | 'not-yet-rated';

export interface DatedValue {
  date: string;
  value: number;
}

export interface ForecastPoint extends DatedValue {
  /** The 95% prediction interval of a single future value. */
  lower: number;
  upper: number;
}

export interface Forecast {
  points: ForecastPoint[];
  method: 'linear' | 'seasonal-linear' | 'none';
  /** Whether the projection at the target date meets the target; null without a forecast. */
  on_track: boolean | null;
  projected_at_target: ForecastPoint | null;
}

export interface GroupSeries {
  group: string;
  series: DatedValue[];
  latest: DatedValue | null;
}

export interface IndicatorSummary {
  slug: string;
  title: string;
  description: string;
  unit: string;
  direction: Direction;
  resource_id: string;
  /** The datastore version the values were computed from (null: no data yet). */
  version: number | null;
  promise_id: string | null;
  baseline: DatedValue;
  target: DatedValue;
  latest: DatedValue | null;
  /** Latest minus the value before it; null with fewer than two points. */
  change: number | null;
  series: DatedValue[];
  forecast: Forecast;
  /** 0..1 of the way from baseline to target (clamped); null without a latest value. */
  progress: number | null;
  suggested_status: SuggestedStatus;
  sparkline_svg_url: string;
  url: string;
}

/** A summary with the per-group series (borough comparison), for the indicator's own page. */
export interface IndicatorDetail extends IndicatorSummary {
  query: IndicatorQueryInput;
  group_field: string | null;
  groups: GroupSeries[];
  /** The SQL of the series on the public SQL endpoint (null over data not public). */
  sql: string | null;
  /** The API request that runs it: its last row is `latest`. */
  sql_url: string | null;
}
