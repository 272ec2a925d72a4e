import type { Selectable } from 'kysely';

// A resource's data: the loads that ingest it and the immutable versions they publish.

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

/** 'stored': an `_id` column in the file; 'position': the row's place in the file, from 1. */
export type RowIds = 'stored' | 'position';

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
  /** Where `_id` comes from: a stored column, or the row's position in the file (see 0010). */
  row_ids: RowIds;
  created_by: string | null;
  created_at: string;
}

export type DatastoreLoad = Selectable<DatastoreLoadTable>;
export type DatastoreVersion = Selectable<DatastoreVersionTable>;

/** A whole version's download, built once by a `datastore.export` job and kept in the blob store. */
export interface DatastoreDownloadTable {
  resource_id: string;
  version: number;
  /** An export format: csv, geojson, xlsx. */
  format: string;
  blob_key: string;
  size: number;
  sha256: string;
  created_at: string;
}

export type DatastoreDownload = Selectable<DatastoreDownloadTable>;
