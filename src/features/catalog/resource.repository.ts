import type { Kysely } from 'kysely';
import type { Database, Resource } from '../../platform/db/schema.js';

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
