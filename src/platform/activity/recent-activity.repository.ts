import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ActivityRow } from './activity.repository.js';

export type DatasetActivityRow = ActivityRow & { dataset_id: string };

/**
 * The latest activity on any dataset, newest first, from before `beforeId` (a cursor: callers
 * that filter by visibility read on in batches), who acted by name only.
 */
export async function listRecentDatasetActivity(
  db: Kysely<Database>,
  limit: number,
  beforeId: number | null,
): Promise<DatasetActivityRow[]> {
  let qb = db
    .selectFrom('activities as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.action', 'a.subject_type', 'a.subject_id', 'a.diff', 'a.created_at'])
    .select(['u.name as actor_name', 'a.dataset_id'])
    .where('a.dataset_id', 'is not', null);
  if (beforeId !== null) qb = qb.where('a.id', '<', beforeId);
  const rows = await qb.orderBy('a.id', 'desc').limit(limit).execute();
  return rows.flatMap((r) => (r.dataset_id === null ? [] : [{ ...r, dataset_id: r.dataset_id }]));
}
