import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { BlobStore } from './blob-store.js';
import { forgetBlobGarbage, listBlobGarbage } from './garbage.repository.js';
import { TEMP_MAX_AGE_MS } from './temp-sweeper.js';

/**
 * A prefix is swept again on every run for this long after it was asked for, then forgotten:
 * a load still running when its resource was deleted may write one more file under it.
 */
export const KEEP_SWEEPING_MS = 60 * 60 * 1000;
const BATCH = 100;

/** Removes the blobs asked for; returns how many prefixes were swept. Safe to repeat. */
export async function sweepBlobGarbage(
  db: Kysely<Database>,
  blobs: BlobStore,
  now = Date.now(),
): Promise<number> {
  const rows = await listBlobGarbage(db, BATCH);
  for (const row of rows) {
    await blobs.deletePrefix(row.prefix);
    if (now - Date.parse(row.requested_at) > KEEP_SWEEPING_MS) {
      await forgetBlobGarbage(db, row.prefix);
    }
  }
  return rows.length;
}

/**
 * The blob store's clean-up, once per cluster (a periodic job, app.ts): the files of deleted
 * resources, then uploads nobody will finish (a node killed mid-upload: an hour-old temporary
 * file, or an S3 multipart upload never completed). Returns how many of both.
 */
export async function sweepBlobStore(
  db: Kysely<Database>,
  blobs: BlobStore,
  now = Date.now(),
): Promise<number> {
  return (
    (await sweepBlobGarbage(db, blobs, now)) + (await blobs.sweepTemporary(TEMP_MAX_AGE_MS, now))
  );
}
