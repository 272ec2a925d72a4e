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
