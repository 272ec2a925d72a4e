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

/** Each resource's latest version, with how many of its downloads are built. */
export function latestVersionsWithDownloads(db: Kysely<Database>) {
  return db
    .selectFrom('datastore_versions as v')
    .leftJoin('datastore_downloads as d', (j) =>
      j.onRef('d.resource_id', '=', 'v.resource_id').onRef('d.version', '=', 'v.version'),
    )
    .select((eb) => [
      'v.resource_id',
      'v.version',
      'v.row_count',
      'v.geometry',
      eb.fn.count<number | string>('d.format').as('built'),
    ])
    .where('v.version', '=', (eb) =>
      eb
        .selectFrom('datastore_versions as w')
        .select((w) => w.fn.max('w.version').as('latest'))
        .whereRef('w.resource_id', '=', 'v.resource_id'),
    )
    .groupBy(['v.resource_id', 'v.version', 'v.row_count', 'v.geometry'])
    .orderBy('v.resource_id')
    .execute();
}

/** Forgets the built downloads of a version (their files are the caller's to remove). */
export async function deleteDownloads(
  db: Kysely<Database>,
  resourceId: string,
  version: number,
): Promise<void> {
  await db
    .deleteFrom('datastore_downloads')
    .where('resource_id', '=', resourceId)
    .where('version', '=', version)
    .execute();
}
