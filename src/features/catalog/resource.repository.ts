import type { Kysely } from 'kysely';
import type { Database, Resource } from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/index.js';
import { visibleDatasets } from './dataset.repository.js';

export function findResourceById(db: Kysely<Database>, id: string): Promise<Resource | undefined> {
  return db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextResourcePosition(
  db: Kysely<Database>,
  datasetId: string,
): Promise<number> {
  const row = await db
    .selectFrom('resources')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return row?.p == null ? 0 : row.p + 1;
}

export async function insertResource(db: Kysely<Database>, resource: Resource): Promise<void> {
  await db.insertInto('resources').values(resource).execute();
}

export async function updateResource(db: Kysely<Database>, resource: Resource): Promise<void> {
  await db
    .updateTable('resources')
    .set({
      blob_key: resource.blob_key,
      size: resource.size,
      sha256: resource.sha256,
      format: resource.format,
      media_type: resource.media_type,
      modified_at: resource.modified_at,
    })
    .where('id', '=', resource.id)
    .execute();
}

/** A resource's details besides its file: name, description, format and a link's address. */
export async function updateResourceDetails(
  db: Kysely<Database>,
  resource: Resource,
): Promise<void> {
  await db
    .updateTable('resources')
    .set({
      name: resource.name,
      description: resource.description,
      format: resource.format,
      media_type: resource.media_type,
      url: resource.url,
      modified_at: resource.modified_at,
    })
    .where('id', '=', resource.id)
    .execute();
}

/** A dataset's resource by name, or its first (by position), for indicators seeded by slug. */
export async function findResourceIdOfDataset(
  db: Kysely<Database>,
  datasetSlug: string,
  name: string | null,
): Promise<string | null> {
  let qb = db
    .selectFrom('resources as r')
    .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
    .select('r.id')
    .where('d.slug', '=', datasetSlug);
  if (name !== null) qb = qb.where('r.name', '=', name);
  const row = await qb.orderBy('r.position').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function deleteResourceRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('resources').where('id', '=', id).execute();
}

/** The resources of the datasets a scope may read (not deleted): the SQL tables' list. */
export function listResourcesOfVisibleDatasets(db: Kysely<Database>, scope: ReadableScope) {
  return visibleDatasets(db, scope)
    .innerJoin('resources as r', 'r.dataset_id', 'd.id')
    .select(['d.slug as dataset_slug', 'd.title as dataset_title', 'r.id', 'r.name', 'r.blob_key'])
    .orderBy('d.slug')
    .orderBy('r.position')
    .execute();
}
