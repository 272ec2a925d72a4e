import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { LocalBlobStore } from './platform/blobs/local-blob-store.js';
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
  const engine = await openEngine(config);
  const mailer = createMailer(config);
  return { config, db, blobs: new LocalBlobStore(config.blobDir), engine, mailer };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  ctx.mailer.close();
  await ctx.engine.close();
  await ctx.db.close();
}
