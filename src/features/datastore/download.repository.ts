import type { Kysely } from 'kysely';
import type { Database, DatastoreDownload } from '../../platform/db/schema.js';

// The whole-version downloads that are ready (export-build.ts writes them, export.routes.ts
// serves them). A row goes with its version by the foreign key (0027).

export function findDownload(
  db: Kysely<Database>,
  resourceId: string,
  version: number,
  format: string,
): Promise<DatastoreDownload | undefined> {
  return db
    .selectFrom('datastore_downloads')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('version', '=', version)
    .where('format', '=', format)
    .executeTakeFirst();
}

export function listDownloads(
  db: Kysely<Database>,
  resourceId: string,
  version: number,
): Promise<DatastoreDownload[]> {
  return db
    .selectFrom('datastore_downloads')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('version', '=', version)
    .orderBy('format')
    .execute();
}

/** Records a built file; false when another run of the job recorded this format first. */
export async function insertDownload(
  db: Kysely<Database>,
  download: DatastoreDownload,
): Promise<boolean> {
  const result = await db
    .insertInto('datastore_downloads')
    .values(download)
    .onConflict((oc) => oc.columns(['resource_id', 'version', 'format']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
