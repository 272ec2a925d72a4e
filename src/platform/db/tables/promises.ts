import type { Selectable } from 'kysely';

// The mayor's promises and the history of their statuses.

export type PromiseStatus =
  'not-yet-rated' | 'in-the-works' | 'stalled' | 'compromise' | 'kept' | 'broken';

/** A promise of the mayor (migration 0007); `status` is its latest status change's. */
export interface PromiseTable {
  id: string;
  slug: string;
  title: string;
  quote: string;
  source_kind: string;
  source_url: string | null;
  source_date: string | null;
  made_by: string;
  theme: string;
  deadline_kind: string;
  deadline_date: string | null;
  deadline_days: number | null;
  owner_id: string;
  status: PromiseStatus;
  status_date: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PromiseStatusChangeTable {
  id: string;
  promise_id: string;
  changed_on: string;
  from_status: PromiseStatus;
  to_status: PromiseStatus;
  rationale: string;
  /** JSON: [{title, url, kind}] */
  evidence: string;
  actor_id: string | null;
  created_at: string;
}

export type PromiseRow = Selectable<PromiseTable>;
export type PromiseStatusChange = Selectable<PromiseStatusChangeTable>;
