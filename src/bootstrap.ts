import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { LocalBlobStore } from './platform/blobs/local-blob-store.js';
import { connectDb } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';

/** Connects the database (migrated to the latest schema) and the blob store. */
export async function openContext(config: Config): Promise<AppContext> {
  const db = connectDb(config);
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { config, db, blobs: new LocalBlobStore(config.blobDir) };
}
