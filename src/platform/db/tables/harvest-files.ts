import type { Selectable } from 'kysely';

/** A harvested resource's file as last loaded into the datastore (migration 0017). */
export interface HarvestFileTable {
  resource_id: string;
  source_id: string;
  /** The source's URL of the file. */
  url: string;
  /** What the source said of the file last loaded, sent back as If-None-Match. */
  etag: string | null;
  /** Sent back as If-Modified-Since. */
  last_modified: string | null;
  size: number;
  sha256: string;
  /** When the datastore last took a new version of it. */
  loaded_at: string;
  /** When a run last asked the source about it. */
  checked_at: string;
}

export type HarvestFileRow = Selectable<HarvestFileTable>;
