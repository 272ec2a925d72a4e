import type { Insertable, Kysely } from 'kysely';
import type { ActivityTable, Database } from '../db/schema.js';

export async function insertActivity(
  db: Kysely<Database>,
  row: Insertable<ActivityTable>,
): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export interface ActivityRow {
  id: number;
  action: string;
  subject_type: string;
  subject_id: string;
  diff: string;
  created_at: string;
  actor_name: string | null;
}

/** A page of a dataset's history, newest first. */
export function listActivityOfDataset(
  db: Kysely<Database>,
  datasetId: string,
  limit: number,
  offset: number,
): Promise<ActivityRow[]> {
  return db
    .selectFrom('activities as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.action', 'a.subject_type', 'a.subject_id', 'a.diff', 'a.created_at'])
    .select('u.name as actor_name')
    .where('a.dataset_id', '=', datasetId)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countActivityOfDataset(
  db: Kysely<Database>,
  datasetId: string,
): Promise<number> {
  const row = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** The diff of the latest activity of `action` on a dataset (used to restore a deletion). */
export async function latestDiff(
  db: Kysely<Database>,
  datasetId: string,
  action: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('activities')
    .select('diff')
    .where('dataset_id', '=', datasetId)
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.diff;
}
