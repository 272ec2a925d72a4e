import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DashboardRow, DashboardTable, Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function findDashboardBySlug(db: Db, slug: string): Promise<DashboardRow | undefined> {
  return db.selectFrom('dashboards').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listDashboardRows(db: Db): Promise<DashboardRow[]> {
  return db.selectFrom('dashboards').selectAll().orderBy('title').orderBy('slug').execute();
}

export async function insertDashboard(db: Db, row: Insertable<DashboardTable>): Promise<void> {
  await db.insertInto('dashboards').values(row).execute();
}

export async function updateDashboard(
  db: Db,
  id: string,
  changes: Updateable<DashboardTable>,
): Promise<void> {
  await db.updateTable('dashboards').set(changes).where('id', '=', id).execute();
}

export async function deleteDashboardRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('dashboards').where('id', '=', id).execute();
}
