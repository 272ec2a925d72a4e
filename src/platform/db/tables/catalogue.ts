import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Datasets with their tags, themes and resources, and the search indexes and page views kept
// beside them.

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

/** A dataset's openness stars (0-5) and metadata quality rating, as search facets. */
export interface DatasetRatingTable {
  dataset_id: string;
  openness: number;
  quality: 'excellent' | 'good' | 'sufficient' | 'bad';
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

/** SQLite only: the FTS5 index of datasets (see dataset-search.repository.ts). */
export interface DatasetFtsTable {
  dataset_id: string;
  title: string;
  tags: string;
  description: string;
  words: string;
}

/** PostgreSQL only: the tsvector index of datasets. */
/** Which dataset each search generation changed (NULL: reload everything); see 0015. */
export interface SearchChangeTable {
  generation: number | string;
  dataset_id: string | null;
  /** 1 for a change of something computed from the catalogue (a rating), not of the catalogue. */
  derived: Generated<number>;
}

/** SQLite: the fixed rowid of each dataset's full-text row; see 0015. */
export interface SearchTextKeyTable {
  dataset_id: string;
  text_key: number;
}

export interface DatasetSearchTable {
  dataset_id: string;
  document: string;
}

/** Page views of a dataset (migration 0005), for "most viewed". */
export interface DatasetViewsTable {
  dataset_id: string;
  views: number;
}

export type Dataset = Selectable<DatasetTable>;
export type NewDataset = Insertable<DatasetTable>;
export type DatasetUpdate = Updateable<DatasetTable>;
export type Resource = Selectable<ResourceTable>;
