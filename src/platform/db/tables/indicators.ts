import type { Selectable } from 'kysely';

// Indicators computed live from the datastore, and the dashboards that show them.

/** An indicator (migration 0006): `query` is JSON, an IndicatorQuery. */
export interface IndicatorTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  unit: string;
  direction: 'up' | 'down';
  resource_id: string;
  query: string;
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  /** The promise it measures; no foreign key (promises come in 0007). */
  promise_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A dashboard (migration 0006): `tiles` is JSON, a DashboardTile[]. */
export interface DashboardTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  tiles: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type IndicatorRow = Selectable<IndicatorTable>;
export type DashboardRow = Selectable<DashboardTable>;
