import type { Config } from './config.js';
import type { BlobCache } from './platform/blobs/blob-cache.js';
import type { BlobStore } from './platform/blobs/blob-store.js';
import type { Db } from './platform/db/connect.js';
import type { Engine } from './platform/engine/engine.js';
import type { Mailer } from './platform/mail/mailer.js';

/** What every service needs, built once per process and passed in (never imported globally). */
export interface AppContext {
  config: Config;
  db: Db;
  blobs: BlobStore;
  /** Local files of blobs for DuckDB: the blob itself on a local store, a cached copy on S3. */
  blobCache: BlobCache;
  engine: Engine;
  mailer: Mailer;
}
