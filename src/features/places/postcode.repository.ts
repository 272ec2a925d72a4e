import type { Kysely } from 'kysely';
import type { Database, NewPostcodeRow, PostcodeRow } from '../../platform/db/schema.js';

export function findPostcodeRow(
  db: Kysely<Database>,
  postcode: string,
): Promise<PostcodeRow | undefined> {
  return db.selectFrom('postcodes').selectAll().where('postcode', '=', postcode).executeTakeFirst();
}

/** Inserts the rows, replacing any postcode already there (one statement per batch). */
export async function upsertPostcodes(db: Kysely<Database>, rows: NewPostcodeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('postcodes')
    .values(rows)
    .onConflict((oc) =>
      oc.column('postcode').doUpdateSet((eb) => ({
        latitude: eb.ref('excluded.latitude'),
        longitude: eb.ref('excluded.longitude'),
        local_authority_code: eb.ref('excluded.local_authority_code'),
        ward_code: eb.ref('excluded.ward_code'),
        terminated: eb.ref('excluded.terminated'),
        source: eb.ref('excluded.source'),
      })),
    )
    .execute();
}

export async function deleteAllPostcodes(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('postcodes').execute();
}

/** Deletes the rows from one source; returns how many. */
export async function deletePostcodesFrom(db: Kysely<Database>, source: string): Promise<number> {
  const result = await db.deleteFrom('postcodes').where('source', '=', source).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countPostcodes(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('postcodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
