import type { Selectable } from 'kysely';

// Harvesting other portals' catalogues: the sources an organisation harvests, each run of a
// source with its counts, the per-item log of a run, and which datasets came from where.

export type HarvestSourceType = 'ckan' | 'dcat' | 'datapress' | 'opendatasoft' | 'socrata';
export type HarvestRunStatus = 'running' | 'succeeded' | 'failed';
export type HarvestItemAction = 'created' | 'updated' | 'unchanged' | 'withdrawn' | 'failed';

export interface HarvestSourceTable {
  id: string;
  organisation_id: string;
  title: string;
  url: string;
  type: HarvestSourceType;
  /** Minutes between scheduled runs; null: run by hand only. */
  interval_minutes: number | null;
  /** A cron expression (5 fields, UTC) instead of an interval; null when not used. */
  cron: string | null;
  /** When what a run reads last changed; an incremental run never reaches back past it. */
  settings_changed_at: string | null;
  /** JSON: HarvestFilters. */
  filters: string;
  /** Licence id for datasets whose licence the source does not give (or Metrodata lacks). */
  default_licence: string | null;
  load_data: number;
  enabled: number;
  /** Runs in a row that failed; at 3 the source is flagged to administrators. */
  consecutive_failures: number;
  next_run_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface HarvestRunTable {
  id: string;
  source_id: string;
  status: HarvestRunStatus;
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  failed: number;
  /** Why the run as a whole failed (a page could not be read), null otherwise. */
  error: string | null;
  /** Whether it stopped at HARVEST_MAX_ITEMS (then nothing is withdrawn). */
  truncated: number;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface HarvestItemTable {
  id: string;
  run_id: string;
  identifier: string | null;
  dataset_id: string | null;
  action: HarvestItemAction;
  error: string | null;
  created_at: string;
}

export interface HarvestedDatasetTable {
  dataset_id: string;
  source_id: string;
  /** The source's identifier of the dataset (stable across runs). */
  identifier: string;
  /** SHA-256 of the record as last harvested: an equal hash means nothing changed. */
  metadata_hash: string;
  harvested_at: string;
  /** Set when the dataset left the source (it is then soft-deleted here). */
  withdrawn_at: string | null;
}

export type HarvestSource = Selectable<HarvestSourceTable>;
export type HarvestRun = Selectable<HarvestRunTable>;
export type HarvestItemRow = Selectable<HarvestItemTable>;
export type HarvestedDatasetRow = Selectable<HarvestedDatasetTable>;
