import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, IndicatorRow, IndicatorTable } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function findIndicatorBySlug(db: Db, slug: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listIndicatorRows(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().orderBy('title').orderBy('slug').execute();
}

export function listIndicatorRowsOfPromise(db: Db, promiseId: string): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('promise_id', '=', promiseId)
    .orderBy('title')
    .orderBy('slug')
    .execute();
}

export async function insertIndicator(db: Db, row: Insertable<IndicatorTable>): Promise<void> {
  await db.insertInto('indicators').values(row).execute();
}

export async function updateIndicator(
  db: Db,
  id: string,
  changes: Updateable<IndicatorTable>,
): Promise<void> {
  await db.updateTable('indicators').set(changes).where('id', '=', id).execute();
}

export async function deleteIndicatorRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('indicators').where('id', '=', id).execute();
}

/** Indicators of a promise that goes: they stay, measuring no promise. */
export async function detachIndicatorsOfPromise(db: Db, promiseId: string, at: string) {
  await db
    .updateTable('indicators')
    .set({ promise_id: null, updated_at: at })
    .where('promise_id', '=', promiseId)
    .execute();
}

export function listIndicatorRowsOverResource(db: Db, resourceId: string) {
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('title')
    .execute();
}
