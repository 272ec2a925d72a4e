import type { Insertable, Selectable } from 'kysely';

// Quality scores (migration 0022): per dataset, per resource link, and per organisation a day.

export interface QualityScoreTable {
  dataset_id: string;
  organisation_id: string;
  stars: number;
  /** MQA points out of 405. */
  total: number;
  rating: string;
  findability: number;
  accessibility: number;
  interoperability: number;
  reusability: number;
  contextuality: number;
  broken_links: number;
  unchecked_links: number;
  /** When the dataset becomes stale by its update frequency (null: it cannot be). */
  due_by: string | null;
  /** JSON: the stars' scale and every indicator's points, reason and fix. */
  report: string;
  computed_at: string;
}

export interface LinkCheckTable {
  resource_id: string;
  url: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
  checked_at: string;
  /** When the check interval counts from: the last check, or the epoch once a re-check is
   * asked (migration 0023; indexed, so a pass finds the due links without a scan). */
  scheduled_from: string;
}

export interface QualitySnapshotTable {
  organisation_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  datasets: number;
  stars_sum: number;
  total_sum: number;
  broken_links: number;
  stale: number;
  /** The body's data requests awaiting a decision that day, and those of them overdue. */
  open_requests: number;
  overdue_requests: number;
  /** Requests whose timeliness was known (answered in the last 12 months, or overdue), and
   * those answered within the response target: the responsiveness (migration 0023). */
  judged_requests: number;
  in_time_requests: number;
}

export type QualityScore = Selectable<QualityScoreTable>;
export type NewQualityScore = Insertable<QualityScoreTable>;
export type LinkCheck = Selectable<LinkCheckTable>;
export type QualitySnapshot = Selectable<QualitySnapshotTable>;
