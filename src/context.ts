import type { Config } from './config.js';
import type { BlobStore } from './platform/blobs/blob-store.js';
import type { Db } from './platform/db/connect.js';
import type { Engine } from './platform/engine/engine.js';
import type { Mailer } from './platform/mail/mailer.js';

/** What every service needs, built once per process and passed in (never imported globally). */
export interface AppContext {
  config: Config;
  db: Db;
  blobs: BlobStore;
  engine: Engine;
  mailer: Mailer;
}
