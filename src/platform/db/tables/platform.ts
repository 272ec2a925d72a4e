import type { Generated, Selectable } from 'kysely';

// What the platform keeps for every feature: the activity log, blobs to remove, and settings.

export interface ActivityTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  dataset_id: string | null;
  organisation_id: string | null;
  diff: string;
  created_at: string;
}

export interface BlobGarbageTable {
  prefix: string;
  requested_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export type Activity = Selectable<ActivityTable>;

export type JobState = 'queued' | 'running' | 'done' | 'parked';

/** Background work leased from the database (platform/jobs): any process may run any job. */
export interface JobTable {
  id: string;
  kind: string;
  /** JSON. */
  payload: string;
  /** While queued: at most one queued job per key (cleared when the job leaves the queue). */
  dedupe_key: string | null;
  state: JobState;
  attempts: number;
  max_attempts: number;
  /** Not run before this time (back-off after a failure). */
  run_at: string;
  /** While running: another process may take the job over after this time. */
  lease_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** One fixed-window counter of a rate limit (platform/rate-limit.ts). */
export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

export type Job = Selectable<JobTable>;
