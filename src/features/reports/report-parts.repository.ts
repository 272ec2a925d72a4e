import type { Kysely } from 'kysely';
import type {
  Database,
  ReportModeration,
  ReportPhoto,
  ReportSupporter,
  ReportUpdate,
} from '../../platform/db/schema.js';

// What hangs off a report: its photos, public updates, supporters and moderations.

export function listPhotoRows(db: Kysely<Database>, reportId: string): Promise<ReportPhoto[]> {
  return db
    .selectFrom('report_photos')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
}

export async function insertPhotoRow(db: Kysely<Database>, photo: ReportPhoto): Promise<void> {
  await db.insertInto('report_photos').values(photo).execute();
}

export function listUpdateRows(db: Kysely<Database>, reportId: string): Promise<ReportUpdate[]> {
  return db
    .selectFrom('report_updates')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertUpdateRow(db: Kysely<Database>, update: ReportUpdate): Promise<void> {
  await db.insertInto('report_updates').values(update).execute();
}

export function listSupporterRows(
  db: Kysely<Database>,
  reportId: string,
): Promise<ReportSupporter[]> {
  return db
    .selectFrom('report_supporters')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('confirmed', '=', 1)
    .execute();
}

export async function insertModerationRow(
  db: Kysely<Database>,
  moderation: ReportModeration,
): Promise<void> {
  await db.insertInto('report_moderations').values(moderation).execute();
}

export function listModerationRows(
  db: Kysely<Database>,
  reportId: string,
): Promise<ReportModeration[]> {
  return db
    .selectFrom('report_moderations')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
}
