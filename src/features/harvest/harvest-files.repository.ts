import type { Kysely } from 'kysely';
import type { Database, HarvestFileRow } from '../../platform/db/schema.js';

// The harvest's SQL for loaded files: what each harvested resource's file was when last loaded.

type Db = Kysely<Database>;

export const findHarvestFile = (db: Db, resourceId: string) =>
  db
    .selectFrom('harvest_files')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();

/** The loaded files of a dataset's resources: resource id → the source's URL of the file. */
export async function harvestFileUrls(db: Db, datasetId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('harvest_files')
    .innerJoin('resources', 'resources.id', 'harvest_files.resource_id')
    .select(['harvest_files.resource_id', 'harvest_files.url'])
    .where('resources.dataset_id', '=', datasetId)
    .execute();
  return new Map(rows.map((r) => [r.resource_id, r.url]));
}

/** Records the file a resource last loaded (or what the source now says of it). */
export async function saveHarvestFile(db: Db, row: HarvestFileRow): Promise<void> {
  const { resource_id, ...rest } = row;
  await db
    .insertInto('harvest_files')
    .values({ resource_id, ...rest })
    .onConflict((oc) => oc.column('resource_id').doUpdateSet(rest))
    .execute();
}

export const touchHarvestFile = (
  db: Db,
  resourceId: string,
  changes: Partial<Omit<HarvestFileRow, 'resource_id'>>,
) => db.updateTable('harvest_files').set(changes).where('resource_id', '=', resourceId).execute();
