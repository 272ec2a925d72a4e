import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Asks for every blob under `prefix` to be removed (in the caller's transaction). */
export async function scheduleBlobDeletion(
  db: Kysely<Database>,
  prefix: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('blob_garbage')
    .values({ prefix, requested_at: at })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ requested_at: at }))
    .execute();
}

export function listBlobGarbage(db: Kysely<Database>, limit: number) {
  return db.selectFrom('blob_garbage').selectAll().orderBy('requested_at').limit(limit).execute();
}

export async function forgetBlobGarbage(db: Kysely<Database>, prefix: string): Promise<void> {
  await db.deleteFrom('blob_garbage').where('prefix', '=', prefix).execute();
}
