import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Timestamps are ISO-8601 UTC text and booleans are 0/1 integers on both SQLite and PostgreSQL,
// so one set of migrations and one set of row types serve both databases.

export interface RegionTable {
  id: string;
  slug: string;
  name: string;
  boundary: string | null;
  settings: string;
  created_at: string;
  updated_at: string;
}

export type OrganisationKind =
  'combined-authority' | 'council' | 'transport' | 'police' | 'health' | 'other';

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  url: string | null;
  boundary: string | null;
  area_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_site_admin: number;
  created_at: string;
}

export type Role = 'admin' | 'editor' | 'member';

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

/** A web sign-in; `id` is the SHA-256 of the cookie's token. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type DatasetState = 'draft' | 'active' | 'deleted';
export type Visibility = 'public' | 'private';

export interface DatasetTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  organisation_id: string;
  licence: string;
  state: DatasetState;
  visibility: Visibility;
  update_frequency: string | null;
  temporal_start: string | null;
  temporal_end: string | null;
  spatial_coverage: string | null;
  contact_name: string | null;
  contact_email: string | null;
  source_url: string | null;
  created_by: string | null;
  created_at: string;
  modified_at: string;
}

export interface DatasetTagTable {
  dataset_id: string;
  tag: string;
}

export interface DatasetThemeTable {
  dataset_id: string;
  theme: string;
}

export interface ThemeTable {
  slug: string;
  title: string;
  description: string;
}

export interface ResourceTable {
  id: string;
  dataset_id: string;
  name: string;
  description: string;
  format: string;
  url: string | null;
  blob_key: string | null;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  position: number;
  created_by: string | null;
  created_at: string;
  modified_at: string;
}

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

/** SQLite only: the FTS5 index of datasets (see dataset-search.repository.ts). */
export interface DatasetFtsTable {
  dataset_id: string;
  title: string;
  tags: string;
  description: string;
  words: string;
}

/** PostgreSQL only: the tsvector index of datasets. */
export interface DatasetSearchTable {
  dataset_id: string;
  document: string;
}

export type LoadStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface DatastoreLoadTable {
  id: string;
  resource_id: string;
  status: LoadStatus;
  source_blob_key: string;
  format: string;
  /** JSON: { types?: {field: type}, sheet?: string } */
  options: string;
  version: number | null;
  report: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface DatastoreVersionTable {
  resource_id: string;
  version: number;
  load_id: string;
  blob_key: string;
  row_count: number;
  size: number;
  /** JSON: Field[] (name, type, stats) */
  fields: string;
  /** JSON: how rows are located on a map, or null */
  geometry: string | null;
  /** JSON: the ingest report */
  report: string;
  created_by: string | null;
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

/** Page views of a dataset (migration 0005), for "most viewed". */
export interface DatasetViewsTable {
  dataset_id: string;
  views: number;
}

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

export interface Database {
  regions: RegionTable;
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  datasets: DatasetTable;
  dataset_tags: DatasetTagTable;
  dataset_themes: DatasetThemeTable;
  themes: ThemeTable;
  resources: ResourceTable;
  activities: ActivityTable;
  dataset_fts: DatasetFtsTable;
  dataset_search: DatasetSearchTable;
  meta: MetaTable;
  blob_garbage: BlobGarbageTable;
  datastore_loads: DatastoreLoadTable;
  datastore_versions: DatastoreVersionTable;
  dataset_views: DatasetViewsTable;
  indicators: IndicatorTable;
  dashboards: DashboardTable;
  promises: PromiseTable;
  promise_status_changes: PromiseStatusChangeTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Dataset = Selectable<DatasetTable>;
export type NewDataset = Insertable<DatasetTable>;
export type DatasetUpdate = Updateable<DatasetTable>;
export type Resource = Selectable<ResourceTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type Session = Selectable<SessionTable>;
export type Activity = Selectable<ActivityTable>;
export type Region = Selectable<RegionTable>;
export type DatastoreLoad = Selectable<DatastoreLoadTable>;
export type DatastoreVersion = Selectable<DatastoreVersionTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type DashboardRow = Selectable<DashboardTable>;
export type PromiseRow = Selectable<PromiseTable>;
export type PromiseStatusChange = Selectable<PromiseStatusChangeTable>;
