import type { Kysely } from 'kysely';
import type { Database, ReportPhoto, ReportUpdate } from '../../platform/db/schema.js';

// The rows moderation changes: a photo or an update hidden from the public, or shown again.

export function findPhotoOfReport(
  db: Kysely<Database>,
  reportId: string,
  photoId: string,
): Promise<ReportPhoto | undefined> {
  return db
    .selectFrom('report_photos')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export function findUpdateOfReport(
  db: Kysely<Database>,
  reportId: string,
  updateId: string,
): Promise<ReportUpdate | undefined> {
  return db
    .selectFrom('report_updates')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', updateId)
    .executeTakeFirst();
}

export async function setPhotoHidden(
  db: Kysely<Database>,
  photoId: string,
  hidden: boolean,
): Promise<void> {
  await db
    .updateTable('report_photos')
    .set({ hidden: hidden ? 1 : 0 })
    .where('id', '=', photoId)
    .execute();
}

export async function setUpdateHidden(
  db: Kysely<Database>,
  updateId: string,
  hidden: boolean,
): Promise<void> {
  await db
    .updateTable('report_updates')
    .set({ hidden: hidden ? 1 : 0 })
    .where('id', '=', updateId)
    .execute();
}
