import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openBlobCache, openBlobStore } from './platform/blobs/open-blob-store.js';
import { connectDb, sqliteFile } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { withBackgroundCheckpoints } from './platform/db/sqlite-checkpointer.js';
import { openEngine } from './platform/engine/open-engine.js';
import { createMailer } from './platform/mail/mailer.js';

/** Connects the database (migrated to the latest schema), the blob store, DuckDB and mail. */
export async function openContext(config: Config): Promise<AppContext> {
  const connected = connectDb(config);
  let db = connected;
  try {
    await migrateToLatest(db);
    db = await withBackgroundCheckpoints(connected, sqliteFile(config));
  } catch (err) {
    await connected.close();
    throw err;
  }
  const blobs = await openBlobStore(config);
  const blobCache = await openBlobCache(config, blobs);
  const engine = await openEngine(config);
  const mailer = createMailer(config);
  return { config, db, blobs, blobCache, engine, mailer };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  ctx.mailer.close();
  await ctx.engine.close();
  await ctx.db.close();
}
