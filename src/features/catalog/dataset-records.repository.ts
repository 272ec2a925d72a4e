import type { Kysely } from 'kysely';
import type { Database, Dataset, Organisation, Resource } from '../../platform/db/schema.js';

// Whole datasets in bulk (rows, publishers, resources), for answers that show many in full: a
// page of the CKAN API's package_search holds up to 1,000.

export function findDatasetsByIds(db: Kysely<Database>, ids: string[]): Promise<Dataset[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('datasets').selectAll().where('id', 'in', ids).execute();
}

export function findDatasetBySlugOrId(
  db: Kysely<Database>,
  key: string,
): Promise<Dataset | undefined> {
  return db
    .selectFrom('datasets')
    .selectAll()
    .where((eb) => eb.or([eb('slug', '=', key), eb('id', '=', key)]))
    .executeTakeFirst();
}

export type Publisher = Omit<Organisation, 'boundary'>;

export function findPublishersByIds(db: Kysely<Database>, ids: string[]): Promise<Publisher[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .select([
      'id',
      'slug',
      'name',
      'kind',
      'description',
      'url',
      'area_code',
      'created_at',
      'updated_at',
    ])
    .where('id', 'in', ids)
    .execute();
}

export function listResourcesOfDatasets(
  db: Kysely<Database>,
  datasetIds: string[],
): Promise<Resource[]> {
  if (datasetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resources')
    .selectAll()
    .where('dataset_id', 'in', datasetIds)
    .orderBy('dataset_id')
    .orderBy('position')
    .execute();
}

export function findResourceRow(db: Kysely<Database>, id: string): Promise<Resource | undefined> {
  return db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}
