import type { Kysely } from 'kysely';
import { markBoundariesChanged } from '../../platform/db/meta.repository.js';
import type { Database, Region } from '../../platform/db/schema.js';

// One region per install, so "the" region is the first row; there is normally only one.

export function findRegion(db: Kysely<Database>): Promise<Region | undefined> {
  return db
    .selectFrom('regions')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts the region, or replaces the name, boundary and settings of the one with its slug. */
export async function upsertRegion(db: Kysely<Database>, row: Region): Promise<void> {
  await db
    .insertInto('regions')
    .values(row)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        name: row.name,
        boundary: row.boundary,
        settings: row.settings,
        updated_at: row.updated_at,
      }),
    )
    .execute();
  await markBoundariesChanged(db);
}

export async function updateRegionBoundary(
  db: Kysely<Database>,
  id: string,
  boundary: string,
  settings: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('regions')
    .set({ boundary, settings, updated_at: at })
    .where('id', '=', id)
    .execute();
  await markBoundariesChanged(db);
}
